using System.Security.Cryptography;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>A bad run id stops a job before it touches the output root, whichever source it came from (no Spark needed).</summary>
public sealed class RunIdJobTests
{
    [Theory]
    [InlineData("set")]
    [InlineData("zone config")]
    public async Task Clean_RunIdEscapingTheOutput_Exits2AndLeavesPublishedFilesUntouched(string source)
    {
        string root = RepoPaths.NewTempDir("bad-run-id");
        string input = Path.Combine(root, "raw");
        string output = Path.Combine(root, "out");
        WriteFile(Path.Combine(output, "transactions_clean", "run_date=2011-12-09", "part-00000.parquet"), "earlier partition");
        WriteFile(Path.Combine(output, "_runs", "run-earlier.json"), """{"run_id": "run-earlier", "status": "succeeded"}""");
        WriteFile(Path.Combine(input, "transactions", "part-00000.parquet"), "raw rows");
        string[] setRunId = [];
        if (source == "set")
        {
            setRunId = ["--set", "RunId=../x"];
        }
        else
        {
            WriteFile(Path.Combine(input, "cxspark.json"), """{"RunId": "../x"}""");
        }

        Dictionary<string, string> before = Snapshot(root);

        // An unreachable remote: if the run id were accepted, the job would fail with exit 3, never start a local Spark.
        ProcessResult result = await Cxspark.RunAsync(["clean", "--input", input, "--output", output, "--run-date", "2011-12-10",
            "--remote", "sc://127.0.0.1:9", "--set", "Spark:ConnectTimeoutSeconds=5", .. setRunId]);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("Configuration 'RunId': '../x' starts with '.'", result.Stderr);
        Assert.Equal(before, Snapshot(root));
        Assert.False(Directory.Exists(Path.Combine(root, "x")));
    }

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Every file and folder under <paramref name="root"/>, relative, with a hash of each file's bytes.</summary>
    private static Dictionary<string, string> Snapshot(string root) => Directory
        .EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
        .ToDictionary(
            path => Path.GetRelativePath(root, path),
            path => File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "dir");
}
