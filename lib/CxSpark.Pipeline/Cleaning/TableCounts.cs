namespace CxSpark.Pipeline.Cleaning;

/// <summary>Row counts of one table's cleaning, written to the run manifest.</summary>
/// <param name="Table">The contract table name.</param>
/// <param name="RowsIn">Rows read.</param>
/// <param name="Clean">Clean rows written (after duplicate removal).</param>
/// <param name="CleanBeforeDedup">Valid rows before duplicate removal (for transactions: purchases).</param>
/// <param name="Returns">Returns written (after duplicate removal).</param>
/// <param name="Quarantined">Rows quarantined.</param>
/// <param name="DuplicatesRemoved">Exact duplicates (and superseded versions) removed from clean rows and returns.</param>
/// <param name="QuarantineByReason">Quarantined rows per reason code.</param>
public sealed record TableCounts(
    string Table,
    long RowsIn,
    long Clean,
    long CleanBeforeDedup,
    long Returns,
    long Quarantined,
    long DuplicatesRemoved,
    IReadOnlyDictionary<string, long> QuarantineByReason)
{
    /// <summary>Whether rows in = clean + returns + quarantined + duplicates removed, and the reasons add up.</summary>
    public bool InvariantHolds =>
        RowsIn == Clean + Returns + Quarantined + DuplicatesRemoved && QuarantineByReason.Values.Sum() == Quarantined;

    /// <summary>Throws when <see cref="InvariantHolds"/> is false.</summary>
    /// <exception cref="CleaningInvariantException">The counts do not add up.</exception>
    public void EnsureInvariant()
    {
        if (!InvariantHolds)
        {
            throw new CleaningInvariantException(this);
        }
    }
}
