using System.Text.Json;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>Secrets given to a job that reaches Spark and then fails stay masked on stderr, stdout and in the failed run's manifest.</summary>
[Collection("Spark")]
public sealed class SecretsJobTests(SparkServerFixture fixture)
{
    [Fact]
    public async Task Clean_FailingWithSecretsInConfigAndError_MasksThemEverywhere()
    {
        string hashKey = "key" + Guid.NewGuid().ToString("N");
        string pathToken = "tok" + Guid.NewGuid().ToString("N");
        string output = RepoPaths.NewTempDir("secrets-out");
        string missingTable = Path.Combine(RepoPaths.NewTempDir("secrets-raw"), "token=" + pathToken, "transactions");

        ProcessResult result = await Cxspark.RunAsync("clean", "--input", RepoPaths.NewTempDir("raw"), "--output", output, "--run-date", "2011-12-10",
            "--remote", fixture.Remote, "--set", "Pii:HashKey=" + hashKey, "--set", "Tables:transactions:Path=" + missingTable);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("token=*** ", result.Stderr, StringComparison.Ordinal);
        JsonElement manifest = Cxspark.Manifest(output, "clean");
        Assert.Equal("failed", manifest.GetProperty("status").GetString());
        Assert.Contains("token=***", manifest.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("***", manifest.GetProperty("config").GetProperty("Pii:HashKey").GetString());
        foreach (string secret in new[] { hashKey, pathToken })
        {
            Assert.DoesNotContain(secret, result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, manifest.GetRawText(), StringComparison.Ordinal);
        }
    }
}
