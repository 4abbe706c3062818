using System.Text.Json;
using CxSpark.Connect.Sql;
using CxSpark.Jobs;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>Outputs on HDFS (a mini-cluster started for this class only): published partitions replace each other like local
/// ones, and nightly with its input and output on HDFS gives the same results as on file://.</summary>
[Collection("Spark")]
public sealed class HdfsTests(SparkServerFixture fixture, HdfsFixture hdfs) : IClassFixture<HdfsFixture>
{
    private const string RunDate = "2011-12-10";

    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task PublishAsync_SameDateRepublishedThenEmpty_EachRunReplacesThePartitionWithSuccessMarker()
    {
        string root = "/publish-" + Guid.NewGuid().ToString("N");
        string output = hdfs.Url + root;
        var date = new DateOnly(2024, 3, 1);
        DataFrame first = _spark.CreateDataFrame([["a", 1L], ["b", 2L]], "key STRING, value BIGINT");
        DataFrame second = _spark.CreateDataFrame([["c", 3L]], "key STRING, value BIGINT");

        await PublishAsync(output, "run-1", date, first);
        string path = await PublishAsync(output, "run-2", date, second);
        IReadOnlyList<Row> afterSecond = await _spark.Read().Parquet(output + "/things").CollectAsync();
        IReadOnlyList<string> files = await hdfs.ListRecursiveAsync(root);
        await PublishAsync(output, "run-3", date, second.Filter(Functions.Col("value") > 5L));
        DataFrame afterEmpty = _spark.Read().Parquet(output + "/things");

        Assert.Equal(output + "/things/run_date=2024-03-01", path);
        Row row = Assert.Single(afterSecond);
        Assert.Equal("c", row.GetString("key"));
        Assert.Equal(date, row.GetDate("run_date"));
        Assert.Contains(root + "/things/run_date=2024-03-01/_SUCCESS", files);
        Assert.Equal([root + "/things/run_date=2024-03-01"], files.Where(f => f.EndsWith("/run_date=2024-03-01", StringComparison.Ordinal)).ToArray());
        Assert.Equal(0, await afterEmpty.CountAsync());
        Assert.Equal(["key", "value", "run_date"], (await afterEmpty.SchemaAsync()).FieldNames);
        Assert.Contains(root + "/things/run_date=2024-03-01/_SUCCESS", await hdfs.ListRecursiveAsync(root));
        Assert.Contains(await hdfs.ListRecursiveAsync(root), f => f.StartsWith(root + "/things/run_date=2024-03-01/" + OutputLayout.RunMarker + "/part-", StringComparison.Ordinal));
    }

    private async Task<string> PublishAsync(string output, string runId, DateOnly date, DataFrame rows)
    {
        var publisher = new TablePublisher(_spark, output, runId, date, "test");
        await publisher.StageAsync(rows, "things");
        return (await publisher.CommitAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))["things"];
    }

    [Fact]
    public async Task Nightly_InputAndOutputOnHdfs_SameManifestCountsAndTablesAsFileUris()
    {
        string sample = Path.Combine(RepoPaths.Root, "data-samples", "online-retail");
        string name = "nightly-" + Guid.NewGuid().ToString("N");
        string hdfsInput = await hdfs.PutAsync(sample, "/" + name + "-raw");
        string hdfsOutput = hdfs.Url + "/" + name + "-out";
        string localOutput = new Uri(RepoPaths.NewTempDir("nightly-file-out")).AbsoluteUri;

        ProcessResult[] results = await Task.WhenAll(
            RunNightlyAsync(new Uri(sample).AbsoluteUri, localOutput),
            RunNightlyAsync(hdfsInput, hdfsOutput));

        Assert.True(results[0].ExitCode == ExitCodes.Ok, results[0].ToString());
        Assert.True(results[1].ExitCode == ExitCodes.Ok, results[1].ToString());
        JsonElement local = Cxspark.Manifest(new Uri(localOutput).LocalPath, "nightly");
        JsonElement remote = await ReadHdfsManifestAsync(hdfsOutput);
        AssertStages(local);
        AssertStages(remote);
        Assert.Equal(hdfsInput + "/transactions", remote.GetProperty("inputs").GetProperty("transactions").GetString());
        Assert.Equal(Compact(local.GetProperty("cleaning")), Compact(remote.GetProperty("cleaning")));
        Assert.Equal(Compact(local.GetProperty("row_counts")), Compact(remote.GetProperty("row_counts")));
        Assert.Equal(local.GetProperty("metrics").GetProperty("segment.k").GetDouble(), remote.GetProperty("metrics").GetProperty("segment.k").GetDouble());

        string[] tables = local.GetProperty("outputs").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(tables, remote.GetProperty("outputs").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Contains("customer_segments", tables);
        Assert.Contains("recommendations", tables);
        foreach (string table in tables)
        {
            await TableAssert.SameRowsAsync(_spark, localOutput + "/" + table, hdfsOutput + "/" + table, table);
        }

        IReadOnlyList<string> files = await hdfs.ListRecursiveAsync("/" + name + "-out");
        string[] partitions = files.Where(f => f.EndsWith("/run_date=" + RunDate, StringComparison.Ordinal)).ToArray();
        Assert.Equal(tables.Length, partitions.Length);
        Assert.All(partitions, p => Assert.Contains(p + "/_SUCCESS", files));
        Assert.DoesNotContain(files, f => f.Contains("/.spark-staging", StringComparison.Ordinal) || f.Contains("/_temporary", StringComparison.Ordinal));
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static void AssertStages(JsonElement manifest)
    {
        string[] stages = manifest.GetProperty("stages").EnumerateArray()
            .Select(s => s.GetProperty("stage").GetString() + ":" + s.GetProperty("status").GetString()).ToArray();
        Assert.Equal("succeeded", manifest.GetProperty("status").GetString());
        Assert.Equal("segment:succeeded", stages[^1]);
        Assert.Contains("recommend:succeeded", stages);
        Assert.All(stages, s => Assert.EndsWith(":succeeded", s));
    }

    private async Task<JsonElement> ReadHdfsManifestAsync(string output)
    {
        IReadOnlyList<Row> lines = await _spark.Read().Option("recursiveFileLookup", true).Text(output + "/_runs").CollectAsync();
        return JsonDocument.Parse(Assert.Single(lines).GetString("value")!).RootElement;
    }

    private Task<ProcessResult> RunNightlyAsync(string input, string output) =>
        Cxspark.RunAsync("nightly", "--input", input, "--output", output, "--run-date", RunDate,
            "--config", Path.Combine(RepoPaths.Root, "data-samples", "online-retail", "cxspark.json"),
            "--set", "Segments:MinK=3", "--set", "Segments:MaxK=5", "--set", "Recommend:DecayDays=15", "--remote", fixture.Remote);
}
