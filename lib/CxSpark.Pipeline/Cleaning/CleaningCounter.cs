using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Cleaning;

/// <summary>Counts the frames of a <see cref="TableSplit"/> in Spark and checks the cleaning invariant.</summary>
public static class CleaningCounter
{
    /// <summary>Counts input, clean rows, returns and quarantine (by reason), each from its own frame, and checks the invariant.</summary>
    /// <exception cref="CleaningInvariantException">The counts do not add up.</exception>
    public static async Task<TableCounts> CountAsync(TableSplit split, CancellationToken cancellationToken = default)
    {
        long rowsIn = await split.Input.CountAsync(cancellationToken).ConfigureAwait(false);
        long cleanBefore = await split.CleanBeforeDedup.CountAsync(cancellationToken).ConfigureAwait(false);
        long clean = await split.Clean.CountAsync(cancellationToken).ConfigureAwait(false);
        long returnsBefore = split.ReturnsBeforeDedup is null ? 0 : await split.ReturnsBeforeDedup.CountAsync(cancellationToken).ConfigureAwait(false);
        long returns = split.Returns is null ? 0 : await split.Returns.CountAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Row> reasons = await split.Quarantine
            .GroupBy(TableCleaner.ReasonColumn)
            .Agg(Count(Lit(1)).Alias("rows"))
            .CollectAsync(cancellationToken).ConfigureAwait(false);
        var byReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (Row row in reasons)
        {
            byReason[row.GetString(0) ?? "null"] = row.GetLong(1);
        }

        long quarantined = byReason.Values.Sum();
        // Measured from the frames, so the invariant fails when a split predicate drops or repeats rows (nulls in a filter).
        long duplicates = cleanBefore - clean + (returnsBefore - returns);
        var counts = new TableCounts(split.Table, rowsIn, clean, cleanBefore, returns, quarantined, duplicates, byReason);
        counts.EnsureInvariant();
        return counts;
    }
}
