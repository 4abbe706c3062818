using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Publishing;

/// <summary>A table this run staged: where its files are, how many rows they hold, and a frame that reads them.</summary>
/// <param name="Table">The table, for example <c>customer_profiles</c>.</param>
/// <param name="Path">The staged partition's folder.</param>
/// <param name="Rows">The rows of the staged files (from their Parquet footers).</param>
/// <param name="Files">The staged files, for aggregates over what will be published.</param>
public sealed record StagedTable(string Table, string Path, long Rows, DataFrame Files);
