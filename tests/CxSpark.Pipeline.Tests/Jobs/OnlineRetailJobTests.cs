using System.Text.Json;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>cxspark on real data: the 305 Online Retail CSVs through the config-file mapping, and the bundled sample.</summary>
[Collection("Spark")]
public sealed class OnlineRetailJobTests(SparkServerFixture fixture)
{
    [Fact]
    public async Task Clean_OnlineRetailCsvThroughConfigMapping_ManifestHasReferenceCounts()
    {
        string output = RepoPaths.NewTempDir("retail-csv-out");

        JobResult result = await Cxspark.RunAsync("clean", "--input", RepoPaths.Dataset("online-retail"), "--output", output,
            "--config", Path.Combine(RepoPaths.Root, "data-samples", "online-retail-csv.json"),
            "--set", "Tables:transactions:Path=" + OnlineRetail.Folder, "--run-date", "2011-12-10", "--remote", fixture.Remote);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        JsonElement counts = Cxspark.Manifest(output, "clean").GetProperty("cleaning").GetProperty("transactions");
        Assert.Equal(541_909, counts.GetProperty("rows_in").GetInt64());
        Assert.Equal(397_884, counts.GetProperty("clean_before_dedup").GetInt64());
        Assert.Equal(392_690, counts.GetProperty("clean").GetInt64());
        Assert.True(counts.GetProperty("invariant_holds").GetBoolean());
        Assert.Equal(392_690, DuckDb.Count(output, "clean/transactions"));
        object?[] customers = DuckDb.Row($"SELECT count(DISTINCT customer_id), round(sum(quantity * unit_price), 2) FROM {DuckDb.Table(output, "clean/transactions")}");
        Assert.Equal(4_338L, Convert.ToInt64(customers[0]));
        Assert.Equal(8_886_657.04, Convert.ToDouble(customers[1]), 2);
    }

    [Fact]
    public async Task Nightly_BundledSampleWithDefaults_PublishesCleanAndProfilesThenReportsRecommendUnavailable()
    {
        string output = RepoPaths.NewTempDir("sample-out");

        JobResult result = await Cxspark.RunAsync("nightly", "--output", output, "--run-date", "2011-12-10", "--remote", fixture.Remote);

        Assert.True(result.ExitCode == ExitCodes.JobFailed, result.ToString());
        Assert.Contains("'recommend' stage is not yet available", result.Stderr);
        JsonElement manifest = Cxspark.Manifest(output, "nightly");
        Assert.Equal("incomplete", manifest.GetProperty("status").GetString());
        JsonElement transactions = manifest.GetProperty("cleaning").GetProperty("transactions");
        Assert.Equal(SampleCounts.Transactions, transactions.GetProperty("rows_in").GetInt64());
        Assert.Equal("C", manifest.GetProperty("config").GetProperty("Cleaning:CancellationPrefix").GetString());
        long profiles = manifest.GetProperty("row_counts").GetProperty("profile.customers").GetInt64();
        Assert.Equal(profiles, DuckDb.Count(output, "customer_profiles"));
        Assert.Equal(
            DuckDb.Row($"SELECT count(DISTINCT customer_id) FROM {DuckDb.Table(output, "clean/transactions")}")[0],
            DuckDb.Row($"SELECT count(*) FROM {DuckDb.Table(output, "customer_profiles")}")[0]);
    }

    /// <summary>Row counts of data-samples/online-retail (2011-11-01 to 2011-12-09), as its README states.</summary>
    private static class SampleCounts
    {
        public const long Transactions = 110_236;
    }
}
