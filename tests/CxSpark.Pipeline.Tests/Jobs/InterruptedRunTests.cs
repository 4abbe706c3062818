using CxSpark.Connect.Sql;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>A clean run killed while Spark writes its first table leaves every published partition as it was, and the rerun
/// for the same date publishes the same tables as an uninterrupted run.</summary>
[Collection("Spark")]
public sealed class InterruptedRunTests(SparkServerFixture fixture)
{
    private const string RunDate = "2011-12-10";
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task Clean_KilledWhileWritingThenRerun_NoPartialPartitionAndSameTables()
    {
        string output = RepoPaths.NewTempDir("killed-out");
        ProcessResult first = await RunCleanAsync(output);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        string[] tables = PublishedTables(output);
        string reference = RepoPaths.NewTempDir("killed-reference");
        foreach (string table in tables)
        {
            TestFolders.Copy(Path.Combine(output, table), Path.Combine(reference, table));
        }

        Dictionary<string, string[]> before = tables.ToDictionary(t => t, t => Files(output, t));
        string staging = Path.Combine(output, "_staging");
        ProcessResult killed = await Cxspark.RunAndKillWhenAsync(() => IsStagingWritten(staging), CleanArgs(output));

        Assert.NotEqual(ExitCodes.Ok, killed.ExitCode);
        Assert.Equal(tables, PublishedTables(output));
        foreach (string table in tables)
        {
            Assert.Equal(before[table], Files(output, table));
        }

        ProcessResult rerun = await RunCleanAsync(output);

        Assert.True(rerun.ExitCode == ExitCodes.Ok, rerun.ToString());
        Assert.Equal(tables, PublishedTables(output));
        foreach (string table in tables)
        {
            Assert.Equal(["run_date=" + RunDate], Directory.GetDirectories(Path.Combine(output, table)).Select(d => Path.GetFileName(d)!).ToArray());
            await TableAssert.SameRowsAsync(_spark, Path.Combine(reference, table), Path.Combine(output, table), table);
        }
    }

    /// <summary>Spark has started writing a partition of this run into the staging folder.</summary>
    private static bool IsStagingWritten(string staging) =>
        Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*.parquet", SearchOption.AllDirectories).Any();

    /// <summary>Every table folder holding a visible run_date partition, relative to the output root.</summary>
    private static string[] PublishedTables(string output) => Directory.EnumerateDirectories(output, "run_date=*", SearchOption.AllDirectories)
        .Where(d => !Path.GetRelativePath(output, d).StartsWith('_'))
        .Select(d => Path.GetRelativePath(output, Path.GetDirectoryName(d)!))
        .Order(StringComparer.Ordinal).ToArray();

    private static string[] Files(string output, string table) =>
        Directory.GetFiles(Path.Combine(output, table), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    private string[] CleanArgs(string output) => ["clean", "--input", Path.Combine(RepoPaths.Root, "data-samples", "online-retail"),
        "--output", output, "--run-date", RunDate, "--remote", fixture.Remote];

    private Task<ProcessResult> RunCleanAsync(string output) => Cxspark.RunAsync(CleanArgs(output));
}
