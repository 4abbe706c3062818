using System.Diagnostics;
using CxSpark.Connect.Client;
using CxSpark.Connect.Errors;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Client;

/// <summary>Tests that need a server of their own: killed mid-stream, or requiring a token.</summary>
public sealed class ServerLifecycleTests
{
    private const int DisposablePort = 15103;
    private const int TokenPort = 15104;

    [Fact]
    public async Task ServerKilledMidStream_ClearExceptionWithin30Seconds()
    {
        await using LocalSparkServer server = await LocalSparkServer.StartAsync(DisposablePort);
        await using SparkSession spark = await SparkSession.Builder().Remote(server.Url)
            .RetryPolicy(RetryPolicy.Default with { MaxRetries = 5 })
            .GetOrCreateAsync();
        DataFrame slow = spark.Range(0, 3_000_000_000L, 1, 2).Select(Sha2(Col("id").Cast("string"), 512).Alias("h")).Distinct();
        Task<long> running = slow.CountAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        var watch = Stopwatch.StartNew();
        server.Kill();
        SparkConnectException error = await Assert.ThrowsAnyAsync<SparkConnectException>(() => running);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 30);
        Assert.IsType<SparkConnectionException>(error);
        Assert.Contains(server.Url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenServer_RightTokenWorks_WrongOrMissingTokenFailsFast()
    {
        await using LocalSparkServer server = await LocalSparkServer.StartAsync(TokenPort, token: "s3cret-token");
        await using (SparkSession spark = await SparkSession.Builder().Remote(server.Url + "/;token=s3cret-token").GetOrCreateAsync())
        {
            Assert.Equal(5, await spark.Range(5).CountAsync());
        }

        var watch = Stopwatch.StartNew();
        SparkAuthenticationException wrong = await Assert.ThrowsAsync<SparkAuthenticationException>(
            () => SparkSession.Builder().Remote(server.Url + "/;token=wrong").GetOrCreateAsync());
        Assert.Contains("Invalid authentication token", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", wrong.Message.Replace("wrong token", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        SparkAuthenticationException missing = await Assert.ThrowsAsync<SparkAuthenticationException>(
            () => SparkSession.Builder().Remote(server.Url).GetOrCreateAsync());
        Assert.Contains("No authentication token", missing.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
    }
}
