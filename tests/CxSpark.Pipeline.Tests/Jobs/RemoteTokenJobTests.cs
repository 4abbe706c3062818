using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>A connection string with a token that is malformed or would travel in plaintext stops the job with exit 2, and the token is
/// nowhere in its output (no Spark needed: the job stops before connecting).</summary>
public sealed class RemoteTokenJobTests
{
    [Theory]
    [InlineData("sc://spark.example.com:15002?token={0}", "Configuration 'Remote': The port '15002?token=***'")]
    [InlineData("sc://spark.example.com:15002?token={0};x=y", "Configuration 'Remote': The port '15002?token=***;x=y'")]
    [InlineData("sc://spark.example.com:15002/;token={0};novalue", "Configuration 'Remote': Connection string parameter 'novalue' has no value.")]
    [InlineData("sc://spark.example.com:15002/;token={0}", "Configuration 'Remote': Connection string parameter 'token' would be sent in plaintext to spark.example.com:15002")]
    [InlineData("sc://10.1.2.3/;token={0};use_ssl=false", "allow_insecure_auth=true")]
    public async Task Clean_BadRemoteWithToken_Exits2NamingRemoteWithoutTheToken(string remoteFormat, string expected)
    {
        string token = "tok" + Guid.NewGuid().ToString("N");
        string output = RepoPaths.NewTempDir("remote-token");

        ProcessResult result = await Cxspark.RunAsync("clean", "--input", RepoPaths.NewTempDir("raw"), "--output", output,
            "--remote", string.Format(System.Globalization.CultureInfo.InvariantCulture, remoteFormat, token), "--set", "Spark:ConnectTimeoutSeconds=5");

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Stdout, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(output, "*", SearchOption.AllDirectories), file => Assert.DoesNotContain(token, File.ReadAllText(file), StringComparison.Ordinal));
    }
}
