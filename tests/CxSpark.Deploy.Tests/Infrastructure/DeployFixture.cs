using System.Text.Json;

namespace CxSpark.Deploy.Tests.Infrastructure;

/// <summary>Once per test run: the launcher jar and the self-contained publish (scripts/submit.sh --prepare), and the
/// reference: <c>cxspark nightly</c> on the bundled sample run directly, with its own local Spark.</summary>
public sealed class DeployFixture : IAsyncLifetime
{
    public const string RunDate = "2011-12-10";

    public static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(10);

    public string ReferenceOutput { get; private set; } = string.Empty;

    public JsonElement ReferenceManifest { get; private set; }

    /// <summary>Runs the cxspark executable built beside the tests (not the published one) in the repository root, without
    /// SPARK_REMOTE.</summary>
    public static Task<ProcessResult> RunCxsparkAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        ChildProcess.RunAsync(
            new ChildProcessOptions("dotnet", [Path.Combine(AppContext.BaseDirectory, "cxspark.dll"), .. arguments])
            {
                WorkingDirectory = RepoPaths.Root,
                Environment = environment ?? new Dictionary<string, string>(),
                Unset = ["SPARK_REMOTE"],
            },
            JobTimeout);

    /// <summary>scripts/submit.sh with <paramref name="arguments"/>, without SPARK_REMOTE, started but not awaited.</summary>
    public static ChildProcess StartSubmit(params string[] arguments) =>
        ChildProcess.Start(RepoScripts.Options("submit.sh", arguments) with { Unset = ["SPARK_REMOTE"] });

    public async Task InitializeAsync()
    {
        ProcessResult prepare = await ChildProcess.RunAsync(
            RepoScripts.Options("submit.sh", ["--prepare"]) with { Unset = ["SPARK_REMOTE"] }, TimeSpan.FromMinutes(15));
        Assert.True(prepare.ExitCode == 0, "scripts/submit.sh --prepare: " + prepare);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, ".artifacts", "app", "cxspark")), "no published .artifacts/app/cxspark");

        ReferenceOutput = RepoPaths.NewTempDir("deploy-direct");
        // The job starts its own Spark through scripts/spark-server.sh; its own state dir lets a failed run's server be found.
        string sparkState = RepoPaths.NewTempDir("deploy-direct-spark");
        ProcessResult direct;
        try
        {
            direct = await RunCxsparkAsync(
                new Dictionary<string, string> { ["CXSPARK_MASTER"] = "local[2]", ["CXSPARK_STATE_DIR"] = sparkState },
                NightlyExpectation.Arguments(ReferenceOutput));
        }
        finally
        {
            ProcessTable.KillAll(sparkState);
        }

        Assert.True(direct.ExitCode == NightlyExpectation.ExitCode, "direct cxspark nightly: " + direct);
        Assert.Contains("[spark] starting a local Spark Connect server", direct.Output, StringComparison.Ordinal);
        Assert.Superset(NightlyExpectation.CoreTables.ToHashSet(), Outputs.Tables(ReferenceOutput).ToHashSet());
        ReferenceManifest = Outputs.OnlyManifest(ReferenceOutput);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition("Deploy")]
public sealed class DeployCollection : ICollectionFixture<DeployFixture>
{
}
