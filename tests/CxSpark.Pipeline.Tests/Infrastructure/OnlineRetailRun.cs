using CxSpark.Jobs;

namespace CxSpark.Pipeline.Tests.Infrastructure;

/// <summary>
/// One <c>cxspark clean</c> of the full Online Retail CSVs (through data-samples/online-retail-csv.json) per test run,
/// shared by the tests that check its counts and those that run later stages on its output.
/// </summary>
public static class OnlineRetailRun
{
    public const string RunDate = "2011-12-10";

    private static readonly SemaphoreSlim s_lock = new(1, 1);
    private static (string Output, ProcessResult Result)? s_clean;

    /// <summary>The output folder and result of the shared clean run, started on first use.</summary>
    public static async Task<(string Output, ProcessResult Result)> CleanAsync(string remote)
    {
        await s_lock.WaitAsync();
        try
        {
            if (s_clean is null)
            {
                string output = RepoPaths.NewTempDir("retail-csv-out");
                ProcessResult result = await Cxspark.RunAsync("clean", "--input", RepoPaths.Dataset("online-retail"), "--output", output,
                    "--config", Path.Combine(RepoPaths.Root, "data-samples", "online-retail-csv.json"),
                    "--set", "Tables:transactions:Path=" + OnlineRetail.Folder, "--run-date", RunDate, "--remote", remote);
                s_clean = (output, result);
            }

            Assert.True(s_clean.Value.Result.ExitCode == ExitCodes.Ok, s_clean.Value.Result.ToString());
            return s_clean.Value;
        }
        finally
        {
            s_lock.Release();
        }
    }
}
