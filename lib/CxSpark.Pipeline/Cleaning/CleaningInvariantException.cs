namespace CxSpark.Pipeline.Cleaning;

/// <summary>A table's cleaning lost or invented rows: rows in ≠ clean + returns + quarantined + duplicates removed.</summary>
public sealed class CleaningInvariantException : Exception
{
    /// <summary>Creates the exception from the counts that failed.</summary>
    public CleaningInvariantException(TableCounts counts)
        : base($"Cleaning invariant failed for table '{counts.Table}': rows in {counts.RowsIn} ≠ clean {counts.Clean} + returns " +
            $"{counts.Returns} + quarantined {counts.Quarantined} + duplicates removed {counts.DuplicatesRemoved}.")
    {
        Counts = counts;
    }

    /// <summary>The counts that do not add up.</summary>
    public TableCounts Counts { get; }
}
