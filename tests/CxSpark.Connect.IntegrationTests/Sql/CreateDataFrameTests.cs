using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Sql;

[Collection("Spark")]
public sealed class CreateDataFrameTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    private sealed record Purchase(string CustomerId, int Quantity, double Price, decimal Exact, DateOnly Day, DateTimeOffset At, bool? Returned, long[] Items);

    [Fact]
    public async Task CreateDataFrame_Records_RoundTripValues()
    {
        Purchase[] purchases =
        [
            new("c1", 2, 1.25, 10.5m, new DateOnly(2024, 1, 31), new DateTimeOffset(2024, 1, 31, 23, 59, 59, TimeSpan.Zero), null, [1, 2]),
            new("c2", 1, 3.0, 0.001m, new DateOnly(1999, 12, 31), new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)), true, []),
        ];
        DataFrame df = _spark.CreateDataFrame(purchases);
        StructType schema = await df.SchemaAsync();
        Assert.Equal(["CustomerId", "Quantity", "Price", "Exact", "Day", "At", "Returned", "Items"], schema.FieldNames);
        Assert.Equal(new DecimalType(38, 18), schema["Exact"].DataType);
        IReadOnlyList<Row> rows = await df.OrderBy("CustomerId").CollectAsync();
        Assert.Equal(2, rows[0].GetInt("Quantity"));
        Assert.Equal(10.5m, rows[0].GetDecimal("Exact"));
        Assert.Equal(new DateOnly(1999, 12, 31), rows[1].GetDate("Day"));
        Assert.Equal(new DateTimeOffset(1999, 12, 31, 22, 0, 0, TimeSpan.Zero), rows[1].GetTimestamp("At"));
        Assert.Null(rows[0]["Returned"]);
        Assert.True(rows[1].GetBoolean("Returned"));
        Assert.Equal([1L, 2L], rows[0].GetArray<long>("Items")!);
        Assert.Equal(5.5, (await df.Agg(Sum(Col("Price") * Col("Quantity"))).FirstAsync())!.GetDouble(0));
    }

    [Fact]
    public async Task CreateDataFrame_RowsWithStructSchema_KeepsNullsAndNesting()
    {
        StructType schema = StructType.CreateBuilder()
            .Add("id", new LongType(), nullable: false)
            .Add("point", StructType.FromDdl("x DOUBLE, y DOUBLE"))
            .Add("tags", new ArrayType(new StringType()))
            .Build();
        DataFrame df = _spark.CreateDataFrame([[1L, new object?[] { 1.0, 2.0 }, new[] { "a", null }], [2L, null, null]], schema);
        IReadOnlyList<Row> rows = await df.OrderBy("id").Select(Col("id"), Col("point.y"), Size(Col("tags"))).CollectAsync();
        RowsAssert.Equal([[1L, 2.0, 2], [2L, null, null]], rows);
    }

    [Fact]
    public async Task CreateDataFrame_DataAnalysisFrame_RoundTrips()
    {
        var frame = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.Int32DataFrameColumn("n", [1, 2, 3]),
            new Microsoft.Data.Analysis.StringDataFrameColumn("s", ["a", null, "c"]));
        DataFrame df = _spark.CreateDataFrame(frame);
        Assert.Equal(6L, (await df.Agg(Sum("n")).FirstAsync())!.GetLong(0));
        Assert.Equal(1, await df.Filter(Col("s").IsNull()).CountAsync());
    }

    [Fact]
    public async Task CreateDataFrameAsync_LargeData_IsCachedOnServer()
    {
        var rows = Enumerable.Range(0, 400_000).Select(i => new object?[] { i, $"row-{i:D8}", i * 0.5 }).ToList();
        DataFrame df = await _spark.CreateDataFrameAsync(rows, StructType.FromDdl("id INT, label STRING, half DOUBLE"));
        Row totals = (await df.Agg(Count("*"), Sum("id"), Max(Col("label"))).FirstAsync())!;
        Assert.Equal(400_000L, totals.GetLong(0));
        Assert.Equal(79_999_800_000L, totals.GetLong(1));
        Assert.Equal("row-00399999", totals.GetString(2));
        Assert.Contains("CachedLocalRelation", df.ToString(), StringComparison.Ordinal);
    }
}
