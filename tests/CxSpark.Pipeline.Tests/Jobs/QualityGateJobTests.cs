using System.Text.Json;
using CxSpark.Connect.Sql;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>Quality gates end a run with exit 6 before anything is published, and record their verdicts in the manifest.</summary>
[Collection("Spark")]
public sealed class QualityGateJobTests(SparkServerFixture fixture)
{
    private const string RunDate = "2011-12-10";
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task Clean_CleanRowsFarBelowEarlierRuns_Exits6AndKeepsThePublishedTables()
    {
        string full = RepoPaths.NewTempDir("zone-full");
        string tenth = RepoPaths.NewTempDir("zone-tenth");
        await Transactions().Write().ParquetAsync(Path.Combine(full, "transactions"));
        await Transactions().Filter(Pmod(Hash(Col("transaction_id")), 10) == 0).Write().ParquetAsync(Path.Combine(tenth, "transactions"));
        string output = RepoPaths.NewTempDir("gate-drop");
        ProcessResult first = await Cxspark.RunAsync(Args("clean", full, output, "run-full"));
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        long before = DuckDb.Count(output, "clean/transactions");

        ProcessResult dropped = await Cxspark.RunAsync(Args("clean", tenth, output, "run-tenth"));
        ProcessResult alone = await Cxspark.RunAsync(Args("clean", tenth, RepoPaths.NewTempDir("gate-alone"), "run-alone"));

        Assert.True(dropped.ExitCode == ExitCodes.QualityGateFailed, dropped.ToString());
        Assert.Contains("quality gate failed, nothing published: transactions:", dropped.Stderr, StringComparison.Ordinal);
        Assert.Contains("below 0.5 × the median", dropped.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, DuckDb.Count(output, "clean/transactions"));
        Assert.True(alone.ExitCode == ExitCodes.Ok, "a first run has no history to fail against: " + alone);
        JsonElement failed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "_runs", "run-tenth.json"))).RootElement;
        JsonElement verdict = failed.GetProperty("quality").EnumerateArray()
            .Single(v => v.GetProperty("gate").GetString() == "clean_rows" && v.GetProperty("table").GetString() == "transactions");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.False(verdict.GetProperty("passed").GetBoolean());
        Assert.Equal(before, verdict.GetProperty("baseline").GetDouble());
    }

    [Fact]
    public async Task Nightly_OnlyReturns_Exits6NamingTheCountsAndPublishesNothing()
    {
        string zone = RepoPaths.NewTempDir("zone-returns");
        DataFrame returns = Transactions().Filter(Col("transaction_id").StartsWith("C"));
        long returnLines = await returns.CountAsync();
        await returns.Write().ParquetAsync(Path.Combine(zone, "transactions"));
        string output = RepoPaths.NewTempDir("gate-returns");

        ProcessResult result = await Cxspark.RunAsync(Args("nightly", zone, output, "run-returns"));

        Assert.True(result.ExitCode == ExitCodes.QualityGateFailed, result.ToString());
        // Cancellations without a customer are quarantined (missing_key); every other line is a return.
        Assert.Matches($@"transactions: no clean purchase to profile for {RunDate}: of {returnLines} rows in, \d+ are returns and \d+ quarantined \(missing_key \d+\)", result.Stderr);
        Assert.Equal(["_runs"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
        JsonElement manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "_runs", "run-returns.json"))).RootElement;
        Assert.Equal("failed", manifest.GetProperty("status").GetString());
        Assert.Contains(manifest.GetProperty("quality").EnumerateArray(), v => v.GetProperty("gate").GetString() == "nothing_to_profile");
    }

    private DataFrame Transactions() => _spark.Read().Parquet(Path.Combine(RepoPaths.Root, "data-samples", "online-retail", "transactions"));

    private string[] Args(string verb, string input, string output, string runId) =>
    [
        verb, "--input", input, "--output", output, "--run-date", RunDate, "--remote", fixture.Remote,
        "--set", "RunId=" + runId, "--set", "Cleaning:CancellationPrefix=C",
    ];
}
