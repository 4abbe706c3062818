using System.Diagnostics;
using System.Globalization;
using CxSpark.Processes;

namespace CxSpark.Testing;

/// <summary>A Spark Connect server started through scripts/spark-server.sh, stopped (or killed) by the test.</summary>
public sealed class LocalSparkServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private LocalSparkServer(int port, Dictionary<string, string> environment)
    {
        Port = port;
        _environment = environment;
    }

    public int Port { get; }

    public string Url => $"sc://localhost:{Port}";

    public static async Task<LocalSparkServer> StartAsync(int port, string? token = null, string master = "local[2]")
    {
        var environment = new Dictionary<string, string>
        {
            ["CXSPARK_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["CXSPARK_MASTER"] = master,
            ["CXSPARK_DRIVER_MEMORY"] = "2g",
        };
        if (token is not null)
        {
            environment["CXSPARK_AUTH_TOKEN"] = token;
        }

        var server = new LocalSparkServer(port, environment);
        ProcessResult start = await server.RunScriptAsync("start").ConfigureAwait(false);
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/spark-server.sh start failed on port {port} (exit {start.ExitCode}):\n{start.Stdout}{start.Stderr}");
        }

        return server;
    }

    /// <summary>Kills the server's JVM at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        string pidFile = Path.Combine(RepoPaths.Root, ".spark", $"server-{Port}.pid");
        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Process.GetProcessById(pid).Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync() => await RunScriptAsync("stop").ConfigureAwait(false);

    private Task<ProcessResult> RunScriptAsync(string verb) => RepoScripts.RunAsync("spark-server.sh", [verb], _environment);
}
