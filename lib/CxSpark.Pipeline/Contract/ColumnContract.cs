namespace CxSpark.Pipeline.Contract;

/// <summary>One column of an input table: its contract name, Spark SQL type and role.</summary>
/// <param name="Name">The contract (output) name in snake_case.</param>
/// <param name="SqlType">The Spark SQL type the column is cast to: STRING, BIGINT, DOUBLE or TIMESTAMP.</param>
/// <param name="IsRequired">Whether the table is unusable without the column.</param>
/// <param name="IsKey">Whether the column is an identifier: trimmed, and a null or blank value quarantines the row.</param>
/// <param name="IsPii">Whether the column holds personal data that never reaches output tables unless pseudonymised.</param>
public sealed record ColumnContract(string Name, string SqlType, bool IsRequired = true, bool IsKey = false, bool IsPii = false);
