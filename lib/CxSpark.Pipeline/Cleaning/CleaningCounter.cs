using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Cleaning;

/// <summary>Counts the parts of a <see cref="TableSplit"/> in Spark and checks the cleaning invariant.</summary>
public static class CleaningCounter
{
    /// <summary>Counts every part of <paramref name="split"/>: the classes in one aggregate, then the deduplicated clean rows and returns.</summary>
    /// <exception cref="CleaningInvariantException">The counts do not add up.</exception>
    public static async Task<TableCounts> CountAsync(TableSplit split, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ClassCounts classes = await CountClassesAsync(split, cancellationToken).ConfigureAwait(false);
        long clean = await split.Clean.CountAsync(cancellationToken).ConfigureAwait(false);
        long returns = split.Returns is null ? 0 : await split.Returns.CountAsync(cancellationToken).ConfigureAwait(false);
        return Complete(split.Table, classes, clean, returns);
    }

    /// <summary>
    /// Input rows, valid purchases and returns before duplicate removal, and quarantine by reason, in one aggregate. A
    /// valid row whose return flag is null belongs to no part of the split (both part filters drop it): it is counted in
    /// <see cref="ClassCounts.RowsIn"/> only, so that <see cref="Complete"/> rejects the table.
    /// </summary>
    public static async Task<ClassCounts> CountClassesAsync(TableSplit split, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        IReadOnlyList<Row> rows = await TableCleaner.ClassCounts(split.Input).CollectAsync(cancellationToken).ConfigureAwait(false);
        long rowsIn = 0, cleanBefore = 0, returnsBefore = 0;
        var byReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (Row row in rows)
        {
            long count = row.GetLong(2);
            rowsIn += count;
            if (!row.IsNullAt(0))
            {
                string reason = row.GetString(0)!;
                byReason[reason] = byReason.GetValueOrDefault(reason) + count;
            }
            else if (row.IsNullAt(1))
            {
                continue;
            }
            else if (row.GetBoolean(1))
            {
                returnsBefore += count;
            }
            else
            {
                cleanBefore += count;
            }
        }

        return new ClassCounts(rowsIn, cleanBefore, returnsBefore, byReason);
    }

    /// <summary>
    /// The table's counts from its classes and the rows of its deduplicated parts (counted from the frames, or from the
    /// files they were written to); checks the invariant.
    /// </summary>
    /// <exception cref="CleaningInvariantException">
    /// The counts do not add up: duplicate removal added rows, or some input rows are in no class (a null return flag).
    /// </exception>
    public static TableCounts Complete(string table, ClassCounts classes, long clean, long returns)
    {
        ArgumentNullException.ThrowIfNull(classes);
        long quarantined = classes.QuarantineByReason.Values.Sum();
        long duplicates = classes.CleanBeforeDedup - clean + (classes.ReturnsBeforeDedup - returns);
        var counts = new TableCounts(table, classes.RowsIn, clean, classes.CleanBeforeDedup, returns, quarantined, duplicates, classes.QuarantineByReason);
        if (clean > classes.CleanBeforeDedup || returns > classes.ReturnsBeforeDedup
            || classes.RowsIn != classes.CleanBeforeDedup + classes.ReturnsBeforeDedup + quarantined)
        {
            throw new CleaningInvariantException(counts);
        }

        counts.EnsureInvariant();
        return counts;
    }
}
