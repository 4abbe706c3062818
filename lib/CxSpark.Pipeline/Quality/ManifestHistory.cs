using System.Text.Json;
using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Publishing;

namespace CxSpark.Pipeline.Quality;

/// <summary>The cleaning counts of earlier succeeded runs on an output, newest first: the baseline of the quality gates.</summary>
public static class ManifestHistory
{
    /// <summary>Reads the manifests under <paramref name="layout"/>'s runs folder, skipping <paramref name="currentRunId"/>,
    /// unreadable files and runs that did not succeed.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, TableCounts>>> LoadAsync(
        SparkSession spark, OutputLayout layout, string currentRunId, CancellationToken cancellationToken = default)
    {
        IEnumerable<string> texts;
        if (layout.IsLocal)
        {
            texts = Directory.Exists(layout.Runs)
                ? Directory.GetFiles(layout.Runs, "*.json").Where(f => Path.GetFileNameWithoutExtension(f) != currentRunId).Select(File.ReadAllText).ToArray()
                : [];
        }
        else
        {
            try
            {
                // Manifests on other file systems are one-line text datasets (RunManifestWriter).
                texts = (await spark.Read().Text(layout.Runs + "/*.json").CollectAsync(cancellationToken).ConfigureAwait(false))
                    .Select(r => r.GetString(0) ?? string.Empty).ToArray();
            }
            catch (AnalysisException e) when (e.Message.Contains("PATH_NOT_FOUND", StringComparison.Ordinal))
            {
                texts = [];
            }
        }

        return texts.Select(Parse).OfType<(DateTimeOffset At, string RunId, Dictionary<string, TableCounts> Counts)>()
            .Where(m => m.RunId != currentRunId)
            .OrderByDescending(m => m.At).Select(m => (IReadOnlyDictionary<string, TableCounts>)m.Counts).ToArray();
    }

    private static (DateTimeOffset At, string RunId, Dictionary<string, TableCounts> Counts)? Parse(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            if (root.GetProperty("status").GetString() != "succeeded" || !root.TryGetProperty("cleaning", out JsonElement cleaning))
            {
                return null;
            }

            var counts = new Dictionary<string, TableCounts>(StringComparer.Ordinal);
            foreach (JsonProperty table in cleaning.EnumerateObject())
            {
                counts[table.Name] = new TableCounts(table.Name, table.Value.GetProperty("rows_in").GetInt64(), table.Value.GetProperty("clean").GetInt64(),
                    0, table.Value.GetProperty("returns").GetInt64(), table.Value.GetProperty("quarantined").GetInt64(), 0, new Dictionary<string, long>());
            }

            DateTimeOffset at = root.TryGetProperty("finished_at", out JsonElement finished) && finished.ValueKind == JsonValueKind.String
                ? finished.GetDateTimeOffset() : root.GetProperty("started_at").GetDateTimeOffset();
            return counts.Count == 0 ? null : (at, root.GetProperty("run_id").GetString() ?? string.Empty, counts);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
