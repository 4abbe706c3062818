using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Infrastructure;

/// <summary>Compares published tables by reading both with Spark.</summary>
public static class TableAssert
{
    /// <summary>Digits fractional columns are compared to: shuffles may add doubles in another order between runs.</summary>
    private const int FractionalScale = 9;

    /// <summary>Asserts that two Parquet tables hold the same schema and the same multiset of rows (exceptAll both ways).</summary>
    public static async Task SameRowsAsync(SparkSession spark, string expectedPath, string actualPath, string name)
    {
        DataFrame expected = spark.Read().Parquet(expectedPath);
        DataFrame actual = spark.Read().Parquet(actualPath);
        StructType expectedSchema = await expected.SchemaAsync();
        StructType actualSchema = await actual.SchemaAsync();
        Assert.True(expectedSchema.Equals(actualSchema), $"{name}: schema {actualSchema.SimpleString}, expected {expectedSchema.SimpleString}");

        Column[] comparable = Comparable(expectedSchema);
        DataFrame left = expected.Select(comparable);
        DataFrame right = actual.Select(comparable);
        long expectedCount = await expected.CountAsync();
        Assert.True(expectedCount == await actual.CountAsync(), $"{name}: row counts differ ({actualPath} vs {expectedPath})");
        Assert.True(await left.ExceptAll(right).CountAsync() == 0, $"{name}: rows of {expectedPath} missing from {actualPath}");
        Assert.True(await right.ExceptAll(left).CountAsync() == 0, $"{name}: rows of {actualPath} missing from {expectedPath}");
    }

    private static Column[] Comparable(StructType schema) => schema.Fields
        .Select(f => f.DataType is DoubleType or FloatType ? Round(Col(f.Name), FractionalScale).Alias(f.Name) : Col(f.Name))
        .ToArray();
}
