using System.Diagnostics;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Sql;

[Collection("Spark")]
public sealed class SparkSessionTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task VersionAsync_BundledRuntime_Is414()
    {
        Assert.Equal("4.1.4", await _spark.VersionAsync());
    }

    [Fact]
    public async Task ServerTime_CountsCallsInFlight_NotTheClientsOwnTime()
    {
        TimeSpan before = _spark.ServerTime;
        var watch = Stopwatch.StartNew();
        DataFrame sum = await _spark.SqlAsync("SELECT sum(id) AS total FROM range(0, 20000000)");
        Row row = Assert.Single(await sum.CollectAsync());
        TimeSpan calls = watch.Elapsed;
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // the client's own time: no call in flight
        TimeSpan wall = watch.Elapsed;
        TimeSpan server = _spark.ServerTime - before;

        Assert.Equal(199999990000000L, row.GetLong("total"));
        // The executions' ReleaseExecute calls run in the background after them, into the delay: a few tens of ms.
        Assert.InRange(server, calls - TimeSpan.FromMilliseconds(50), wall - TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Conf_SetGetUnset_RoundTrips()
    {
        await _spark.Conf.SetAsync("spark.sql.shuffle.partitions", "7");
        Assert.Equal("7", await _spark.Conf.GetAsync("spark.sql.shuffle.partitions"));
        await _spark.Conf.UnsetAsync("spark.sql.shuffle.partitions");
        Assert.Equal("200", await _spark.Conf.GetAsync("spark.sql.shuffle.partitions"));
        await _spark.Conf.SetAsync("spark.sql.shuffle.partitions", "4");
        Assert.Equal("fallback", await _spark.Conf.GetAsync("cxspark.not.set", "fallback"));
        Assert.True(await _spark.Conf.IsModifiableAsync("spark.sql.shuffle.partitions"));
    }

    [Fact]
    public async Task SqlAsync_NamedArguments_AreBound()
    {
        DataFrame df = await _spark.SqlAsync("SELECT :x + 1 AS y, :s AS s", new Dictionary<string, object?> { ["x"] = 41, ["s"] = "a" });
        Row row = Assert.Single(await df.CollectAsync());
        Assert.Equal(42, row.GetInt("y"));
        Assert.Equal("a", row.GetString("s"));
    }

    [Fact]
    public async Task SqlAsync_Ddl_RunsEagerly()
    {
        await _spark.SqlAsync("CREATE OR REPLACE TEMP VIEW sql_ddl_view AS SELECT id FROM range(5)");
        Assert.Equal(5, await _spark.Table("sql_ddl_view").CountAsync());
    }

    [Fact]
    public async Task Range_WithStep_CountsAndSums()
    {
        DataFrame df = _spark.Range(0, 100, 3, numPartitions: 3);
        Assert.Equal(34, await df.CountAsync());
        Row row = Assert.Single(await df.Agg(Sum("id"), Max("id")).CollectAsync());
        Assert.Equal(1683L, row.GetLong(0));
        Assert.Equal(99L, row.GetLong(1));
    }

    [Fact]
    public async Task ProgressChanged_LongQuery_ReportsStages()
    {
        var reports = new List<ExecutionProgress>();
        void Handler(object? sender, ExecutionProgress progress)
        {
            lock (reports)
            {
                reports.Add(progress);
            }
        }

        _spark.ProgressChanged += Handler;
        try
        {
            long count = await _spark.Range(0, 30_000_000, 1, 4).Select(Sha2(Col("id").Cast("string"), 256).Alias("h")).Distinct().CountAsync();
            Assert.Equal(30_000_000, count);
        }
        finally
        {
            _spark.ProgressChanged -= Handler;
        }

        Assert.NotEmpty(reports);
        Assert.Contains(reports, r => r.Stages.Count > 0 && r.TotalTasks > 0);
    }
}
