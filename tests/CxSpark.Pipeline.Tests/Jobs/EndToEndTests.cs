using System.Text.Json;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>cxspark runs end to end on a synthetic raw zone from gen-data; DuckDB re-reads every published table.</summary>
[Collection("Spark")]
public sealed class EndToEndTests(SparkServerFixture fixture)
{
    private const string RunDate = "2025-01-01";

    private static readonly string[] s_tables =
    [
        "clean/transactions", "clean/customers", "clean/products", "clean/events", "returns",
        "quarantine/transactions", "quarantine/customers", "quarantine/products", "quarantine/events", "customer_profiles",
    ];

    [Fact]
    public async Task GenDataCleanProfile_SyntheticZone_DuckDbReadsEveryTableWithManifestCounts()
    {
        string input = await GenerateAsync("synthetic");
        string output = RepoPaths.NewTempDir("e2e-out");

        ProcessResult clean = await RunAsync("clean", input, output);
        ProcessResult profile = await RunAsync("profile", input, output);

        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.ToString());
        Assert.True(profile.ExitCode == ExitCodes.Ok, profile.ToString());
        JsonElement cleaning = Cxspark.Manifest(output, "clean").GetProperty("cleaning");
        foreach (string table in new[] { "transactions", "customers", "products", "events" })
        {
            JsonElement counts = cleaning.GetProperty(table);
            Assert.True(counts.GetProperty("invariant_holds").GetBoolean(), table);
            Assert.Equal(counts.GetProperty("clean").GetInt64(), DuckDb.Count(output, "clean/" + table));
            Assert.Equal(counts.GetProperty("quarantined").GetInt64(), DuckDb.Count(output, "quarantine/" + table));
        }

        Assert.Equal(cleaning.GetProperty("transactions").GetProperty("returns").GetInt64(), DuckDb.Count(output, "returns"));
        Assert.True(cleaning.GetProperty("transactions").GetProperty("quarantine_by_reason").GetProperty("missing_key").GetInt64() > 0);
        long profiles = Cxspark.Manifest(output, "profile").GetProperty("row_counts").GetProperty("profile.customers").GetInt64();
        Assert.Equal(profiles, DuckDb.Count(output, "customer_profiles"));
        foreach (string table in s_tables)
        {
            Assert.Contains("run_date", DuckDb.Columns(output, table));
            Assert.Equal(0L, Convert.ToInt64(DuckDb.Row($"SELECT count(*) FILTER (CAST(run_date AS VARCHAR) <> '{RunDate}') FROM {DuckDb.Table(output, table)}")[0]));
        }

        Assert.DoesNotContain("email", DuckDb.Columns(output, "clean/customers"));
        Assert.DoesNotContain("email", DuckDb.Columns(output, "quarantine/customers"));
        object?[] activity = DuckDb.Row($"SELECT count(*) FILTER (events_90d > 0), count(*) FILTER (top_category IS NULL) FROM {DuckDb.Table(output, "customer_profiles")}");
        Assert.True(Convert.ToInt64(activity[0]) > 0);
        Assert.Equal(0L, Convert.ToInt64(activity[1]));
    }

    [Fact]
    public async Task GenData_Synthetic_HasPopularitySkewAndCustomerGroups()
    {
        string input = await GenerateAsync("synthetic-shape");

        object?[] skew = DuckDb.Row($"""
            WITH sales AS (SELECT product_id, count(*) AS n FROM read_parquet('{input}/transactions/*.parquet') WHERE quantity > 0 GROUP BY product_id),
                 ranked AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS r, count(*) OVER () AS products FROM sales)
            SELECT sum(n) FILTER (r <= products / 10) / sum(n) FROM ranked
            """);
        object?[] groups = DuckDb.Row($"""
            WITH orders AS (SELECT customer_id, count(DISTINCT transaction_id) AS n FROM read_parquet('{input}/transactions/*.parquet')
                            WHERE customer_id IS NOT NULL AND quantity > 0 GROUP BY customer_id)
            SELECT avg(CASE WHEN n = 1 THEN 1.0 ELSE 0.0 END), max(n) FROM orders
            """);

        Assert.True(Convert.ToDouble(skew[0]) > 0.3, $"top 10% of products sell {skew[0]} of lines");
        double oneTimers = Convert.ToDouble(groups[0]);
        Assert.InRange(oneTimers, 0.3, 0.6);
        Assert.True(Convert.ToInt64(groups[1]) >= 20);
    }

    [Fact]
    public async Task Clean_RerunSameDate_LeavesOneIdenticalPartition()
    {
        string input = await GenerateAsync("synthetic-rerun");
        string output = RepoPaths.NewTempDir("rerun-out");
        string partition = Path.Combine(output, "clean", "transactions", "run_date=" + RunDate);

        Assert.Equal(ExitCodes.Ok, (await RunAsync("clean", input, output)).ExitCode);
        string[] firstFiles = Directory.GetFiles(partition, "*.parquet");
        object?[] first = Fingerprint(output);
        ProcessResult second = await RunAsync("clean", input, output);

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Equal(["run_date=" + RunDate], Directory.GetDirectories(Path.Combine(output, "clean", "transactions")).Select(d => Path.GetFileName(d)!).ToArray());
        Assert.Empty(firstFiles.Intersect(Directory.GetFiles(partition, "*.parquet")));
        Assert.Equal(first, Fingerprint(output));
        Assert.False(Directory.Exists(Path.Combine(output, "_staging")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(output, "_runs"), "*.json").Length);
    }

    [Fact]
    public async Task Recommend_WithoutEvaluation_OneFitServesEveryCustomerAndRecordsNoMetrics()
    {
        string input = await GenerateAsync("synthetic-no-eval");
        string output = RepoPaths.NewTempDir("no-eval-out");
        Assert.Equal(ExitCodes.Ok, (await RunAsync("clean", input, output)).ExitCode);

        ProcessResult result = await Cxspark.RunAsync("recommend", "--input", input, "--output", output, "--run-date", RunDate, "--remote", fixture.Remote,
            "--set", "Recommend:Evaluate=false", "--set", "Recommend:DecayDays=15");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        JsonElement manifest = Cxspark.Manifest(output, "recommend");
        Assert.DoesNotContain(manifest.GetProperty("metrics").EnumerateObject(),
            m => m.Name.StartsWith("recommend.holdout.", StringComparison.Ordinal) || m.Name.StartsWith("recommend.validation.", StringComparison.Ordinal));
        Assert.Equal("15", manifest.GetProperty("models").GetProperty("recommend.als").GetProperty("decayDays").GetString());
        string recommendations = DuckDb.Table(output, "recommendations");
        object?[] served = DuckDb.Row($"""
            SELECT count(*), count(DISTINCT customer_id), count(*) FILTER (source = 'als'),
                   (SELECT count(DISTINCT customer_id) FROM {DuckDb.Table(output, "clean/customers")} WHERE customer_id NOT IN (SELECT customer_id FROM {recommendations})),
                   (SELECT count(*) FROM {recommendations} JOIN {DuckDb.Table(output, "clean/transactions")} USING (customer_id, product_id))
            FROM {recommendations}
            """);
        long customers = Convert.ToInt64(served[1]);
        Assert.Equal(manifest.GetProperty("row_counts").GetProperty("recommend.rows").GetInt64(), Convert.ToInt64(served[0]));
        Assert.Equal(10 * customers, Convert.ToInt64(served[0]));
        Assert.True(Convert.ToInt64(served[2]) > 0, "some recommendations come from ALS");
        Assert.Equal(0L, Convert.ToInt64(served[3]));
        Assert.Equal(0L, Convert.ToInt64(served[4]));
    }

    private static object?[] Fingerprint(string output) => DuckDb.Row(
        $"SELECT count(*), sum(hash(transaction_id, customer_id, product_id, quantity, unit_price, event_time)) FROM {DuckDb.Table(output, "clean/transactions")}");

    private Task<ProcessResult> RunAsync(string verb, string input, string output) =>
        Cxspark.RunAsync(verb, "--input", input, "--output", output, "--run-date", RunDate, "--remote", fixture.Remote);

    private async Task<string> GenerateAsync(string name)
    {
        string input = RepoPaths.NewTempDir(name);
        ProcessResult result = await Cxspark.RunAsync("gen-data", "--output", input, "--customers", "400", "--products", "120", "--days", "180",
            "--seed", "7", "--end-date", RunDate, "--remote", fixture.Remote);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return input;
    }
}
