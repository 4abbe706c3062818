using System.Diagnostics;
using CxSpark.Deploy.Tests.Infrastructure;
using CxSpark.Jobs;

namespace CxSpark.Deploy.Tests;

/// <summary>A job against a remote Spark Connect endpoint that requires a token (spark.connect.authenticate.token).</summary>
[Collection("Deploy")]
public sealed class RemoteAuthenticationTests
{
    private const int Port = 15312;

    [Fact]
    public async Task Nightly_WrongToken_Exits3NamingAuthenticationWithoutWaiting()
    {
        string token = Guid.NewGuid().ToString("N");
        string wrong = Guid.NewGuid().ToString("N");
        await using LocalSparkServer server = await LocalSparkServer.StartAsync(Port, token);

        var watch = Stopwatch.StartNew();
        ProcessResult result = await DeployFixture.RunCxsparkAsync(null, "nightly", "--run-date", DeployFixture.RunDate,
            "--output", RepoPaths.NewTempDir("deploy-token"), "--remote", $"sc://localhost:{Port}/;token={wrong}");
        watch.Stop();

        Assert.True(result.ExitCode == ExitCodes.SparkUnavailable, result.ToString());
        Assert.Contains("Invalid authentication token", result.Output, StringComparison.Ordinal);
        Assert.Contains("refused the credentials", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, result.Output, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed.TotalSeconds:F1} s (the connect timeout is 60 s)");
    }
}
