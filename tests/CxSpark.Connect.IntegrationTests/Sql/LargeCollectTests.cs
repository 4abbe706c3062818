using System.Diagnostics;
using System.Globalization;
using CxSpark.Connect.IntegrationTests.Infrastructure;

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
        var info = new ProcessStartInfo("dotnet", [bench, "collect", "--mode", "rows", "--rows", "5000000", "--remote", fixture.Remote])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(info)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + await stderr);
        Dictionary<string, string> values = output.Trim().Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("5000000", values["rows"]);
        Assert.InRange(long.Parse(values["peak_mb"], CultureInfo.InvariantCulture), 1, 1023);
    }
}
