namespace CxSpark.Compare;

/// <summary>How one published table of the base run compares with the head run's.</summary>
/// <param name="Table">The table's path under the output root, e.g. <c>clean/transactions</c>.</param>
/// <param name="BaseRows">Rows in the base run's table; null when the base run has no such table.</param>
/// <param name="HeadRows">Rows in the head run's table; null when the head run has no such table.</param>
/// <param name="OnlyInBase">Rows of the base table missing from the head table (multiset difference, EXCEPT ALL).</param>
/// <param name="OnlyInHead">Rows of the head table missing from the base table.</param>
/// <param name="SchemaEqual">Whether column names, order, types and Parquet nullability are the same.</param>
/// <param name="Details">Schema differences and example rows, one line each.</param>
public sealed record TableComparison(
    string Table,
    long? BaseRows,
    long? HeadRows,
    long? OnlyInBase,
    long? OnlyInHead,
    bool SchemaEqual,
    IReadOnlyList<string> Details)
{
    /// <summary>True when both runs have the table with equal schemas and the same multiset of rows.</summary>
    public bool IsIdentical => BaseRows is not null && HeadRows is not null && SchemaEqual && OnlyInBase == 0 && OnlyInHead == 0;
}
