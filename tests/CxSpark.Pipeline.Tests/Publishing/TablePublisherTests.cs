using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Publishing;

[Collection("Spark")]
public sealed class TablePublisherTests(SparkServerFixture fixture)
{
    private static readonly DateOnly s_date = new(2024, 3, 1);
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task PublishAsync_SameDateTwice_LeavesOnlySecondPartition()
    {
        string output = RepoPaths.NewTempDir("publish");
        DataFrame first = _spark.CreateDataFrame([["a", 1L], ["b", 2L]], "key STRING, value BIGINT");
        DataFrame second = _spark.CreateDataFrame([["c", 3L]], "key STRING, value BIGINT");

        var publisherOne = new TablePublisher(output, "run-1", s_date);
        await publisherOne.PublishAsync(first, "things");
        publisherOne.CleanUpStaging();
        var publisherTwo = new TablePublisher(output, "run-2", s_date);
        string path = await publisherTwo.PublishAsync(second, "things");
        publisherTwo.CleanUpStaging();

        Assert.Equal(["run_date=2024-03-01"], Directory.GetDirectories(Path.Combine(output, "things")).Select(d => Path.GetFileName(d)!).ToArray());
        Assert.True(File.Exists(Path.Combine(path, "_SUCCESS")));
        Assert.False(Directory.Exists(Path.Combine(output, OutputTables.Staging)));
        IReadOnlyList<Row> rows = await _spark.Read().Parquet(Path.Combine(output, "things")).CollectAsync();
        Row row = Assert.Single(rows);
        Assert.Equal("c", row.GetString("key"));
        Assert.Equal(s_date, row.GetDate("run_date"));
    }

    [Fact]
    public async Task PublishAsync_EmptyFrame_PublishesReadablePartitionWithSchema()
    {
        string output = RepoPaths.NewTempDir("publish-empty");
        DataFrame empty = _spark.CreateDataFrame([["a", 1L]], "key STRING, value BIGINT").Filter(Col("value") > 5L);

        string path = await new TablePublisher(output, "run-1", s_date).PublishAsync(empty, "nothing");

        DataFrame read = _spark.Read().Parquet(path);
        Assert.Equal(0, await read.CountAsync());
        Assert.Equal(["key", "value"], (await read.SchemaAsync()).FieldNames);
    }
}
