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
        (string output, _) = await OnlineRetailRun.CleanAsync(fixture.Remote);

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
    public async Task Nightly_BundledSampleWithDefaults_PublishesEveryTable()
    {
        string output = RepoPaths.NewTempDir("sample-out");

        ProcessResult result = await Cxspark.RunAsync("nightly", "--output", output, "--run-date", "2011-12-10", "--remote", fixture.Remote);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        JsonElement manifest = Cxspark.Manifest(output, "nightly");
        Assert.Equal("succeeded", manifest.GetProperty("status").GetString());
        Assert.Equal(["clean.transactions", "clean.customers", "clean.products", "clean.ratings", "profile", "recommend", "segment"],
            manifest.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()!).ToArray());
        // Every stage spends most of its time in calls to the server, and never more than its wall time.
        Assert.All(manifest.GetProperty("stages").EnumerateArray(), s => Assert.InRange(
            s.GetProperty("server_seconds").GetDouble(), 0.5 * s.GetProperty("seconds").GetDouble(), s.GetProperty("seconds").GetDouble()));
        Assert.Equal(SampleCounts.Ratings, manifest.GetProperty("cleaning").GetProperty("ratings").GetProperty("rows_in").GetInt64());
        JsonElement transactions = manifest.GetProperty("cleaning").GetProperty("transactions");
        Assert.Equal(SampleCounts.Transactions, transactions.GetProperty("rows_in").GetInt64());
        Assert.Equal("C", manifest.GetProperty("config").GetProperty("Cleaning:CancellationPrefix").GetString());
        long profiles = manifest.GetProperty("row_counts").GetProperty("profile.customers").GetInt64();
        Assert.Equal(profiles, DuckDb.Count(output, "customer_profiles"));
        Assert.Equal(
            DuckDb.Row($"SELECT count(DISTINCT customer_id) FROM {DuckDb.Table(output, "clean/transactions")}")[0],
            DuckDb.Row($"SELECT count(*) FROM {DuckDb.Table(output, "customer_profiles")}")[0]);

        // Segments: k within 3..8 chosen by silhouette, every profiled customer in exactly one segment,
        // summary sizes adding up to the customers and revenue shares to 1.
        JsonElement metrics = manifest.GetProperty("metrics");
        int k = (int)metrics.GetProperty("segment.k").GetDouble();
        Assert.InRange(k, 3, 8);
        Assert.Equal(6, Enumerable.Range(3, 6).Count(i => metrics.TryGetProperty($"segment.silhouette.k{i}", out _)));
        object?[] segments = DuckDb.Row(
            $"SELECT count(*), count(DISTINCT customer_id), count(DISTINCT segment), min(segment), max(segment) FROM {DuckDb.Table(output, "customer_segments")}");
        Assert.Equal([profiles, profiles, (long)k, 0L, (long)k - 1], segments.Select(Convert.ToInt64).Cast<object?>().ToArray());
        object?[] joined = DuckDb.Row(
            $"SELECT count(*) FROM {DuckDb.Table(output, "customer_profiles")} p JOIN {DuckDb.Table(output, "customer_segments")} s USING (customer_id)");
        Assert.Equal(profiles, Convert.ToInt64(joined[0]));
        object?[] summary = DuckDb.Row(
            $"SELECT count(*), CAST(sum(size) AS BIGINT), sum(revenue_share), count(DISTINCT segment_name) > 0 FROM {DuckDb.Table(output, "segment_summary")}");
        Assert.Equal((long)k, Convert.ToInt64(summary[0]));
        Assert.Equal(profiles, Convert.ToInt64(summary[1]));
        Assert.Equal(1.0, Convert.ToDouble(summary[2]), 9);
        Assert.Equal(true, summary[3]);

        // Recommendations: 10 new products for every customer (clean customers without a purchase get popular products).
        long customers = DuckDb.Count(output, "clean/customers");
        object?[] recommendations = DuckDb.Row($"""
            SELECT count(*), count(DISTINCT customer_id), count(DISTINCT (customer_id, product_id)), max(rank)
            FROM {DuckDb.Table(output, "recommendations")}
            """);
        Assert.Equal([customers * 10, customers, customers * 10, 10L], recommendations.Select(Convert.ToInt64).ToArray());
        object?[] bought = DuckDb.Row(
            $"SELECT count(*) FROM {DuckDb.Table(output, "recommendations")} JOIN {DuckDb.Table(output, "clean/transactions")} USING (customer_id, product_id)");
        Assert.Equal(0L, Convert.ToInt64(bought[0]));
        Assert.True(metrics.GetProperty("recommend.holdout.als.precision_at_10").GetDouble() > 0);
        Assert.True(DuckDb.Count(output, "similar_products") > 0);
    }

    /// <summary>Row counts of data-samples/online-retail (2011-11-01 to 2011-12-09), as its README states.</summary>
    private static class SampleCounts
    {
        public const long Transactions = 110_236;
        public const long Ratings = 100_836;
    }
}
