using System.Globalization;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Processes;

namespace CxSpark.Connect.IntegrationTests.Sql;

/// <summary>A 5M-row, 10-column collect in a process of its own (the collect benchmark), whose peak memory must stay under 1 GiB.</summary>
[Collection("Spark")]
public sealed class LargeCollectTests(SparkServerFixture fixture)
{
    [Fact]
    public async Task CollectAsync_FiveMillionWideRows_ProcessStaysUnder1GiB()
    {
        string bench = Path.Combine(RepoPaths.Root, "scripts", "bench", "CxSpark.Bench", "bin", "Release", "net10.0", "CxSpark.Bench.dll");
        Assert.True(File.Exists(bench), $"{bench} is built by scripts/test.sh (dotnet build CxSpark.sln -c Release).");
        ProcessResult collect = await ChildProcess.RunAsync(
            new ChildProcessOptions("dotnet", [bench, "collect", "--mode", "rows", "--rows", "5000000", "--remote", fixture.Remote]),
            Timeout.InfiniteTimeSpan);
        Assert.True(collect.ExitCode == 0, collect.Stdout + collect.Stderr);
        Dictionary<string, string> values = collect.Stdout.Trim().Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("5000000", values["rows"]);
        Assert.InRange(long.Parse(values["peak_mb"], CultureInfo.InvariantCulture), 1, 1023);
    }
}
