namespace CxSpark.Pipeline.Cleaning;

/// <summary>The rows of each class of one input table, before duplicate removal.</summary>
/// <param name="RowsIn">Rows read.</param>
/// <param name="CleanBeforeDedup">Valid rows (for transactions: purchases).</param>
/// <param name="ReturnsBeforeDedup">Valid returns (0 for tables without returns).</param>
/// <param name="QuarantineByReason">Rejected rows per reason code.</param>
public sealed record ClassCounts(long RowsIn, long CleanBeforeDedup, long ReturnsBeforeDedup, IReadOnlyDictionary<string, long> QuarantineByReason);
