using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Publishing;

[Collection("Spark")]
public sealed class TablePublisherTests(SparkServerFixture fixture)
{
    private static readonly DateOnly s_date = new(2024, 3, 1);
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task CommitAsync_SameDateTwice_LeavesOnlySecondPartitionWithItsRunMarker()
    {
        string output = RepoPaths.NewTempDir("publish");
        DataFrame first = _spark.CreateDataFrame([["a", 1L], ["b", 2L]], "key STRING, value BIGINT");
        DataFrame second = _spark.CreateDataFrame([["c", 3L]], "key STRING, value BIGINT");

        await PublishAsync(output, "run-1", ("things", first));
        string path = (await PublishAsync(output, "run-2", ("things", second)))["things"];

        Assert.Equal(["run_date=2024-03-01"], Directory.GetDirectories(Path.Combine(output, "things")).Select(d => Path.GetFileName(d)!).ToArray());
        Assert.True(File.Exists(Path.Combine(path, "_SUCCESS")));
        Assert.Equal("run-2", RunMarker.RunIdOf(path));
        Assert.False(Directory.Exists(Path.Combine(output, OutputTables.Staging)));
        Assert.Empty(Directory.GetFiles(Path.Combine(output, OutputTables.Runs), "*" + OutputLayout.JournalExtension));
        IReadOnlyList<Row> rows = await _spark.Read().Parquet(Path.Combine(output, "things")).CollectAsync();
        Row row = Assert.Single(rows);
        Assert.Equal("c", row.GetString("key"));
        Assert.Equal(s_date, row.GetDate("run_date"));
    }

    [Fact]
    public async Task StageAsync_BeforeCommit_ReadersStillSeeThePreviousRunAndTheRunReadsItsStagedCopy()
    {
        string output = RepoPaths.NewTempDir("publish-staged");
        await PublishAsync(output, "run-1", ("things", _spark.CreateDataFrame([["a", 1L]], "key STRING, value BIGINT")));
        var publisher = new TablePublisher(_spark, output, "run-2", s_date, "test");

        string staged = await publisher.StageAsync(_spark.CreateDataFrame([["b", 2L], ["c", 3L]], "key STRING, value BIGINT"), "things");

        Assert.Equal(staged, publisher.ReadPath("things"));
        Assert.DoesNotContain("=", Path.GetRelativePath(output, staged), StringComparison.Ordinal);
        Assert.Equal(2, await _spark.Read().Parquet(staged).CountAsync());
        Row published = Assert.Single(await _spark.Read().Parquet(Path.Combine(output, "things")).CollectAsync());
        Assert.Equal("a", published.GetString("key"));
        Assert.Equal(1, DuckDb.Count(output, "things"));
        publisher.Abort();
        Assert.False(Directory.Exists(Path.Combine(output, OutputTables.Staging)));
        Assert.Equal("run-1", RunMarker.RunIdOf(Path.Combine(output, "things", "run_date=2024-03-01")));
    }

    [Fact]
    public async Task CommitAsync_ClaimedTableNotStaged_RemovesItsPartitionOfTheDateOnly()
    {
        string output = RepoPaths.NewTempDir("publish-claimed");
        DataFrame rows = _spark.CreateDataFrame([["a", 1L]], "key STRING, value BIGINT");
        await PublishAsync(output, "run-1", ("kept", rows), ("dropped", rows));
        var other = new TablePublisher(_spark, output, "run-0", s_date.AddDays(-1), "test");
        await other.StageAsync(rows, "dropped");
        await other.CommitAsync(NullLogger.Instance);
        var publisher = new TablePublisher(_spark, output, "run-2", s_date, "test");
        publisher.Claim(["kept", "dropped"]);

        Assert.Null(publisher.ReadPath("dropped"));
        await publisher.StageAsync(rows, "kept");
        await publisher.CommitAsync(NullLogger.Instance);

        Assert.Equal(["run_date=2024-02-29"], Directory.GetDirectories(Path.Combine(output, "dropped")).Select(d => Path.GetFileName(d)!).ToArray());
        Assert.Equal("run-2", RunMarker.RunIdOf(Path.Combine(output, "kept", "run_date=2024-03-01")));
    }

    [Fact]
    public async Task CommitAsync_EmptyFrame_PublishesReadablePartitionWithSchema()
    {
        string output = RepoPaths.NewTempDir("publish-empty");
        DataFrame empty = _spark.CreateDataFrame([["a", 1L]], "key STRING, value BIGINT").Filter(Col("value") > 5L);

        string path = (await PublishAsync(output, "run-1", ("nothing", empty)))["nothing"];

        DataFrame read = _spark.Read().Parquet(path);
        Assert.Equal(0, await read.CountAsync());
        Assert.Equal(["key", "value"], (await read.SchemaAsync()).FieldNames);
    }

    private async Task<IReadOnlyDictionary<string, string>> PublishAsync(string output, string runId, params (string Table, DataFrame Rows)[] tables)
    {
        var publisher = new TablePublisher(_spark, output, runId, s_date, "test");
        foreach ((string table, DataFrame rows) in tables)
        {
            await publisher.StageAsync(rows, table);
        }

        return await publisher.CommitAsync(NullLogger.Instance);
    }
}
