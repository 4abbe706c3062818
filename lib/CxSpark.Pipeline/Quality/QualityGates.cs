using System.Globalization;
using CxSpark.Pipeline.Cleaning;

namespace CxSpark.Pipeline.Quality;

/// <summary>Holds a run's cleaning counts against the median of earlier runs, in the spirit of Deequ's anomaly checks.</summary>
/// <remarks>
/// Two gates per cleaned table: <c>clean_rows</c> (clean rows at least <see cref="QualityOptions.CleanRowsMinRatio"/> × the
/// median) and <c>quarantine_share</c> (quarantined / rows in at most the median + <see cref="QualityOptions.QuarantineShareMaxRise"/>).
/// A table without earlier runs passes (its verdict says so). Pure: the history is read by <see cref="ManifestHistory"/>.
/// </remarks>
public static class QualityGates
{
    /// <summary>The verdicts of every enabled gate on every table of <paramref name="current"/>.</summary>
    public static IReadOnlyList<GateVerdict> Evaluate(
        IReadOnlyDictionary<string, TableCounts> current, IReadOnlyList<IReadOnlyDictionary<string, TableCounts>> history, QualityOptions options)
    {
        var verdicts = new List<GateVerdict>();
        foreach ((string table, TableCounts counts) in current.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            TableCounts[] earlier = history.Select(h => h.GetValueOrDefault(table)).OfType<TableCounts>().Take(options.History).ToArray();
            if (options.CleanRowsAction != GateAction.Off)
            {
                double? median = Median(earlier.Select(e => (double)e.Clean));
                double? limit = median * options.CleanRowsMinRatio;
                bool passed = limit is null || counts.Clean >= limit;
                verdicts.Add(new GateVerdict("clean_rows", table, counts.Clean, median, limit, earlier.Length, options.CleanRowsAction, passed,
                    median is null
                        ? $"{table}: {counts.Clean} clean rows; no earlier run to compare with"
                        : Format($"{table}: {counts.Clean} clean rows, {(passed ? "at least" : "below")} {options.CleanRowsMinRatio:0.##} × the median {median:0.#} of the last {earlier.Length} runs (Quality:CleanRows)")));
            }

            if (options.QuarantineShareAction != GateAction.Off)
            {
                double share = Share(counts);
                double? median = Median(earlier.Select(Share));
                double? limit = median + options.QuarantineShareMaxRise;
                bool passed = limit is null || share <= limit + 1e-12;
                verdicts.Add(new GateVerdict("quarantine_share", table, Math.Round(share, 6), median is null ? null : Math.Round(median.Value, 6),
                    limit is null ? null : Math.Round(limit.Value, 6), earlier.Length, options.QuarantineShareAction, passed,
                    median is null
                        ? Format($"{table}: {share:P1} quarantined; no earlier run to compare with")
                        : Format($"{table}: {share:P1} quarantined, {(passed ? "within" : "more than")} {options.QuarantineShareMaxRise:P0} above the median {median:P1} of the last {earlier.Length} runs (Quality:QuarantineShare)")));
            }
        }

        return verdicts;
    }

    private static double Share(TableCounts counts) => counts.RowsIn == 0 ? 0 : (double)counts.Quarantined / counts.RowsIn;

    private static double? Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
