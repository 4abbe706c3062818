using System.Diagnostics;

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
            ["CXSPARK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CXSPARK_MASTER"] = master,
            ["CXSPARK_DRIVER_MEMORY"] = "2g",
        };
        if (token is not null)
        {
            environment["CXSPARK_AUTH_TOKEN"] = token;
        }

        var server = new LocalSparkServer(port, environment);
        (int exit, string output) = await server.RunScriptAsync("start").ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"scripts/spark-server.sh start failed on port {port} (exit {exit}):\n{output}");
        }

        return server;
    }

    /// <summary>Kills the server's JVM at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        string pidFile = Path.Combine(RepoPaths.Root, ".spark", $"server-{Port}.pid");
        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Process.GetProcessById(pid).Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync() => await RunScriptAsync("stop").ConfigureAwait(false);

    private async Task<(int Exit, string Output)> RunScriptAsync(string verb)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "spark-server.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach ((string key, string value) in _environment)
        {
            info.Environment[key] = value;
        }

        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
