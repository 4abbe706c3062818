using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Profiles;

/// <summary>Aggregates of money amounts that give the same double however Spark partitions and orders the rows.</summary>
/// <remarks>Adding doubles depends on their order, and Spark's order changes with partitioning, the cluster and the
/// shuffle, so a plain <c>sum</c> differs in the last bits from run to run (and moves KMeans segments with it). Each
/// amount is rounded to a micro-unit and added as a decimal, which is exact; the result is converted back to double.</remarks>
public static class Money
{
    /// <summary>The type amounts are added in: micro-units, 32 integer digits.</summary>
    public const string ExactType = "decimal(38,6)";

    /// <summary>The exact sum of <paramref name="amounts"/>, as a double.</summary>
    public static Column Sum(Column amounts) => Functions.Sum(amounts.Cast(ExactType)).Cast("double");

    /// <summary>The exact mean of <paramref name="amounts"/>, as a double.</summary>
    public static Column Avg(Column amounts) => Functions.Avg(amounts.Cast(ExactType)).Cast("double");
}
