using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Cleaning;

/// <summary>The frames one input table splits into; every input row lands in exactly one before duplicate removal.</summary>
/// <param name="Table">The contract table name.</param>
/// <param name="Input">The classified input (<see cref="TableCleaner.Classify"/>), one row per raw row.</param>
/// <param name="Clean">Valid rows after duplicate removal (for transactions: purchases only).</param>
/// <param name="Returns">Valid returns and cancellations after duplicate removal; null for tables without returns.</param>
/// <param name="Quarantine">Rejected rows with their <c>quarantine_reason</c>; duplicates are kept here.</param>
/// <param name="CleanBeforeDedup">Valid rows before duplicate removal (for transactions: purchases).</param>
/// <param name="ReturnsBeforeDedup">Valid returns before duplicate removal; null for tables without returns.</param>
public sealed record TableSplit(
    string Table,
    DataFrame Input,
    DataFrame Clean,
    DataFrame? Returns,
    DataFrame Quarantine,
    DataFrame CleanBeforeDedup,
    DataFrame? ReturnsBeforeDedup);
