using CxSpark.Connect.Sql;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>The documented exit codes of cxspark for bad input, bad configuration, unreachable Spark and unavailable verbs.</summary>
[Collection("Spark")]
public sealed class ExitCodeTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task Help_DocumentsEveryVerbAndOption()
    {
        ProcessResult root = await Cxspark.RunAsync("--help");
        ProcessResult clean = await Cxspark.RunAsync("clean", "--help");

        Assert.Equal(ExitCodes.Ok, root.ExitCode);
        foreach (string verb in new[] { "clean", "profile", "recommend", "segment", "nightly", "gen-data" })
        {
            Assert.Contains(verb, root.Stdout);
        }

        foreach (string option in new[] { "--input", "--output", "--run-date", "--config", "--remote", "--set" })
        {
            Assert.Contains(option, clean.Stdout);
        }
    }

    [Fact]
    public async Task Clean_UnknownOption_Exits2()
    {
        ProcessResult result = await Cxspark.RunAsync("clean", "--no-such-option");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }

    [Fact]
    public async Task Clean_BadRunDate_Exits2NamingKey()
    {
        ProcessResult result = await Cxspark.RunAsync("clean", "--input", "in", "--output", "out", "--run-date", "2024-13-45", "--remote", fixture.Remote);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("RunDate", result.Stderr);
    }

    [Fact]
    public async Task Clean_MissingConfigFile_Exits2()
    {
        ProcessResult result = await Cxspark.RunAsync("clean", "--input", "in", "--output", "out", "--config", "/no/such/file.json");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--config", result.Stderr);
    }

    [Fact]
    public async Task Clean_MissingRequiredColumn_Exits2NamingTableColumnAndFile()
    {
        string input = RepoPaths.NewTempDir("raw-missing-column");
        DataFrame noPrice = _spark.CreateDataFrame([["t1", "c1", "p1", 1L, DateTimeOffset.UnixEpoch.AddYears(41)]],
            "transaction_id STRING, customer_id STRING, product_id STRING, quantity BIGINT, event_time TIMESTAMP");
        await noPrice.Write().ParquetAsync(Path.Combine(input, "transactions"));

        ProcessResult result = await Cxspark.RunAsync("clean", "--input", input, "--output", RepoPaths.NewTempDir("out"), "--remote", fixture.Remote);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("'transactions'", result.Stderr);
        Assert.Contains("'unit_price'", result.Stderr);
        Assert.Matches(@"transactions/part-[^ ]*\.parquet", result.Stderr);
        Assert.Contains("expected DOUBLE, found missing", result.Stderr);
    }

    [Fact]
    public async Task Clean_IncompatibleColumnType_Exits2NamingTableColumnFileAndTypes()
    {
        string input = RepoPaths.NewTempDir("raw-boolean-time");
        DataFrame booleanTime = _spark.CreateDataFrame([["t1", "c1", "p1", 1L, 2.5, true]],
            "transaction_id STRING, customer_id STRING, product_id STRING, quantity BIGINT, unit_price DOUBLE, event_time BOOLEAN");
        await booleanTime.Write().ParquetAsync(Path.Combine(input, "transactions"));

        ProcessResult result = await Cxspark.RunAsync("clean", "--input", input, "--output", RepoPaths.NewTempDir("out"), "--remote", fixture.Remote);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("'transactions', column 'event_time'", result.Stderr);
        Assert.Matches(@"transactions/part-[^ ]*\.parquet: expected TIMESTAMP, found boolean", result.Stderr);
    }

    [Fact]
    public async Task Clean_NoTransactionsTable_Exits2()
    {
        ProcessResult result = await Cxspark.RunAsync("clean", "--input", RepoPaths.NewTempDir("raw-empty"), "--output", RepoPaths.NewTempDir("out"), "--remote", fixture.Remote);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("'transactions'", result.Stderr);
    }

    [Fact]
    public async Task Clean_UnreachableSpark_Exits3()
    {
        ProcessResult result = await Cxspark.RunAsync("clean", "--input", "in", "--output", "out", "--remote", "sc://127.0.0.1:9",
            "--set", "Spark:ConnectTimeoutSeconds=5");

        Assert.True(result.ExitCode == ExitCodes.SparkUnavailable, result.ToString());
        Assert.Contains("sc://127.0.0.1:9", result.Stderr);
    }

    [Fact]
    public async Task Recommend_BeforeClean_Exit2NamesTheMissingStep()
    {
        string output = RepoPaths.NewTempDir("recommend-first");

        ProcessResult result = await Cxspark.RunAsync("recommend", "--output", output, "--run-date", "2011-12-10", "--remote", fixture.Remote);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("run 'clean' for that date first", result.Stderr);
    }
}
