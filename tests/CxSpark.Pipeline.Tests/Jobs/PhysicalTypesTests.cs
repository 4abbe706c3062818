using System.Text.Json;
using CxSpark.Connect.Sql;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>clean reads a raw table whose part files differ in physical types: INT96 / INT64 micros / INT64 millis timestamps,
/// int32 / int64 quantities, float / double prices; a part file with text where the others hold numbers stops it with exit 2.</summary>
[Collection("Spark")]
public sealed class PhysicalTypesTests(SparkServerFixture fixture)
{
    private const string RunDate = "2011-12-31";
    private const string TimestampTypeKey = "spark.sql.parquet.outputTimestampType";
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task Clean_PartFilesWithMixedTimestampAndNumberEncodings_ReadsEveryRowWithItsValues()
    {
        string input = RepoPaths.NewTempDir("raw-mixed-types");
        string transactions = Path.Combine(input, "transactions");
        await WritePartAsync(transactions, "INT96", "INT", "FLOAT", ["t1", "c1", "p1", 3L, 2.5, "2011-06-01 10:00:00"], ["t2", "c2", "p2", 1L, 0.25, "2011-06-02 11:30:00"]);
        await WritePartAsync(transactions, "TIMESTAMP_MICROS", "BIGINT", "DOUBLE", ["t3", "c1", "p2", 5_000_000_000L, 1.1, "2011-06-03 12:00:00.123456"]);
        await WritePartAsync(transactions, "TIMESTAMP_MILLIS", "INT", "DOUBLE", ["t4", "c3", "p1", 2L, 3.3, "2011-06-04 13:00:00.5"]);
        object?[] physical = DuckDb.Row($"""
            SELECT string_agg(DISTINCT type, ',' ORDER BY type) FILTER (name = 'event_time'),
                   string_agg(DISTINCT type, ',' ORDER BY type) FILTER (name = 'quantity'),
                   string_agg(DISTINCT type, ',' ORDER BY type) FILTER (name = 'unit_price'),
                   count(DISTINCT file_name)
            FROM parquet_schema('{transactions}/*.parquet')
            """);
        Assert.Equal(["INT64,INT96", "INT32,INT64", "DOUBLE,FLOAT", 3L], physical.Select(v => v is string ? v : Convert.ToInt64(v)).ToArray());
        string output = RepoPaths.NewTempDir("out-mixed-types");

        // 5e9 (beyond int32) is above the default absurd_value bounds on quantity and line amount.
        ProcessResult result = await RunCleanAsync(input, output, "--set", "Cleaning:MaxQuantity=1e10", "--set", "Cleaning:MaxLineAmount=1e11");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        JsonElement counts = Cxspark.Manifest(output, "clean").GetProperty("cleaning").GetProperty("transactions");
        Assert.Equal(4, counts.GetProperty("rows_in").GetInt64());
        Assert.Equal(4, counts.GetProperty("clean").GetInt64());
        IReadOnlyList<Row> rows = await _spark.Read().Parquet(Path.Combine(output, "clean", "transactions"))
            .OrderBy(Col("transaction_id")).CollectAsync();
        Assert.Equal(["t1", "t2", "t3", "t4"], rows.Select(r => r.GetString("transaction_id")!).ToArray());
        Assert.Equal([3L, 1L, 5_000_000_000L, 2L], rows.Select(r => r.GetLong("quantity")).ToArray());
        Assert.Equal([2.5, 0.25, 1.1, 3.3], rows.Select(r => Math.Round(r.GetDouble("unit_price"), 6)).ToArray());
        Assert.Equal(
            [
                new DateTimeOffset(2011, 6, 1, 10, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2011, 6, 2, 11, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2011, 6, 3, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560),
                new DateTimeOffset(2011, 6, 4, 13, 0, 0, 500, TimeSpan.Zero),
            ],
            rows.Select(r => r.GetTimestamp("event_time")).ToArray());
    }

    [Fact]
    public async Task Clean_PartFileWithTextWhereOthersHoldNumbers_Exits2NamingTableColumnAndFile()
    {
        string input = RepoPaths.NewTempDir("raw-text-quantity");
        string transactions = Path.Combine(input, "transactions");
        await WritePartAsync(transactions, "TIMESTAMP_MICROS", "BIGINT", "DOUBLE", ["t1", "c1", "p1", 3L, 2.5, "2011-06-01 10:00:00"]);
        await WritePartAsync(transactions, "TIMESTAMP_MICROS", "STRING", "DOUBLE", ["t2", "c1", "p1", "three", 2.5, "2011-06-01 10:00:00"]);
        string[] parts = Directory.GetFiles(transactions, "*.parquet").Select(f => Path.GetFileName(f)!).ToArray();

        ProcessResult result = await RunCleanAsync(input, RepoPaths.NewTempDir("out-text-quantity"));

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("'transactions'", result.Stderr);
        Assert.Contains("'quantity'", result.Stderr);
        // Spark takes the schema from one part file, so the file named is the one that disagrees with it.
        Assert.Contains(parts, part => result.Stderr.Contains("transactions/" + part + ": expected ", StringComparison.Ordinal));
        Assert.Matches(@"expected (bigint|string), found Parquet (BINARY|INT64) in this part file", result.Stderr);
    }

    /// <summary>Appends one part file to <paramref name="folder"/> with the given timestamp encoding and column types.</summary>
    private async Task WritePartAsync(string folder, string timestampType, string quantityType, string priceType, params object[][] rows)
    {
        DataFrame typed = _spark.CreateDataFrame(rows,
                $"transaction_id STRING, customer_id STRING, product_id STRING, quantity {(quantityType == "STRING" ? "STRING" : "BIGINT")}, unit_price DOUBLE, event_time STRING")
            .Select(
                Col("transaction_id"), Col("customer_id"), Col("product_id"),
                Col("quantity").Cast(quantityType).Alias("quantity"),
                Col("unit_price").Cast(priceType).Alias("unit_price"),
                Col("event_time").Cast("TIMESTAMP").Alias("event_time"));
        string? previous = await _spark.Conf.GetAsync(TimestampTypeKey);
        await _spark.Conf.SetAsync(TimestampTypeKey, timestampType);
        try
        {
            await typed.Coalesce(1).Write().Mode(SaveMode.Append).ParquetAsync(folder);
        }
        finally
        {
            await _spark.Conf.SetAsync(TimestampTypeKey, previous ?? "INT96");
        }
    }

    private Task<ProcessResult> RunCleanAsync(string input, string output, params string[] extra) =>
        Cxspark.RunAsync(["clean", "--input", input, "--output", output, "--run-date", RunDate, "--remote", fixture.Remote, .. extra]);
}
