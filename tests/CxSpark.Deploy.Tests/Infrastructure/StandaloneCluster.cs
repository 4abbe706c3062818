namespace CxSpark.Deploy.Tests.Infrastructure;

/// <summary>A Spark standalone master and workers on 127.0.0.1 started through scripts/spark-cluster.sh on this test
/// project's own ports, stopped when disposed.</summary>
public sealed class StandaloneCluster : IAsyncDisposable
{
    public const int MasterPort = 7377;
    public const int MasterUiPort = 8380;
    public const int FirstWorkerUiPort = 8381;

    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(3);

    private readonly Dictionary<string, string> _environment;

    private StandaloneCluster(int workers)
    {
        Workers = workers;
        _environment = new Dictionary<string, string>
        {
            ["CXSPARK_MASTER_PORT"] = MasterPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CXSPARK_MASTER_UI_PORT"] = MasterUiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CXSPARK_WORKER_UI_PORT"] = FirstWorkerUiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CXSPARK_WORKERS"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CXSPARK_WORKER_CORES"] = "1",
            ["CXSPARK_WORKER_MEMORY"] = "2g",
        };
    }

    public int Workers { get; }

    public string Url => $"spark://127.0.0.1:{MasterPort}";

    /// <summary>The script's folder for this cluster: logs, pid files and each worker's work dir (worker-N/).</summary>
    public string StateDir => Path.Combine(RepoPaths.Root, ".spark", $"cluster-{MasterPort}");

    public string MasterLog => File.ReadAllText(Path.Combine(StateDir, "master.log"));

    /// <summary>Starts a fresh cluster (stopping one a crashed earlier run of these tests left behind).</summary>
    public static async Task<StandaloneCluster> StartAsync(int workers)
    {
        var cluster = new StandaloneCluster(workers);
        await cluster.RunAsync("stop").ConfigureAwait(false);
        ProcessResult start = await cluster.RunAsync("start").ConfigureAwait(false);
        if (start.ExitCode != 0)
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            Assert.Fail("scripts/spark-cluster.sh start failed: " + start);
        }

        return cluster;
    }

    /// <summary>The names of the driver-* and app-* folders in worker <paramref name="worker"/>'s work dir.</summary>
    public IReadOnlySet<string> WorkDirEntries(int worker)
    {
        string dir = Path.Combine(StateDir, $"worker-{worker}");
        return Directory.Exists(dir) ? Directory.GetDirectories(dir).Select(d => Path.GetFileName(d)!).ToHashSet() : new HashSet<string>();
    }

    /// <summary>Kills worker <paramref name="worker"/> at once (SIGKILL), as a lost machine would.</summary>
    public async Task KillWorkerAsync(int worker)
    {
        ProcessResult kill = await RunAsync("kill-worker", worker.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        Assert.True(kill.ExitCode == 0, $"spark-cluster.sh kill-worker {worker}: {kill}");
    }

    public async ValueTask DisposeAsync() => await RunAsync("stop").ConfigureAwait(false);

    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        ChildProcess.RunAsync(RepoScripts.Options("spark-cluster.sh", arguments, _environment) with { Unset = ["SPARK_REMOTE"] }, s_scriptTimeout);
}
