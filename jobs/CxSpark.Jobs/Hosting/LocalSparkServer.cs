using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CxSpark.Processes;
using Microsoft.Extensions.Logging;

namespace CxSpark.Jobs.Hosting;

/// <summary>A Spark Connect server this process starts through <c>scripts/spark-server.sh</c> on a free port, and stops.</summary>
public sealed class LocalSparkServer : IAsyncDisposable
{
    private readonly string _script;
    private readonly Dictionary<string, string> _environment;
    private readonly ILogger _logger;

    private LocalSparkServer(string script, Dictionary<string, string> environment, int port, ILogger logger)
    {
        _script = script;
        _environment = environment;
        _logger = logger;
        Url = $"sc://localhost:{port}";
    }

    /// <summary>The server's connection string.</summary>
    public string Url { get; }

    /// <summary>Starts a server and waits until it answers.</summary>
    /// <exception cref="SparkUnavailableException">The script is missing or the server did not start.</exception>
    public static async Task<LocalSparkServer> StartAsync(ILogger logger, CancellationToken cancellationToken)
    {
        string script = FindScript() ?? throw new SparkUnavailableException(
            "No --remote and no SPARK_REMOTE, and scripts/spark-server.sh was not found above the current folder or the " +
            "cxspark binary: pass --remote sc://host:15002 or run from the CxSpark repository.");
        int port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["CXSPARK_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["CXSPARK_MASTER"] = Environment.GetEnvironmentVariable("CXSPARK_MASTER") ?? "local[*]",
        };
        var server = new LocalSparkServer(script, environment, port, logger);
        logger.LogInformation("[spark] starting a local Spark Connect server on port {Port} ({Script})", port, script);
        var watch = Stopwatch.StartNew();
        (int exit, string output) = await server.RunAsync("start", cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new SparkUnavailableException($"Could not start a local Spark server (scripts/spark-server.sh exit {exit}): {output.Trim()}");
        }

        logger.LogInformation("[spark] local server ready at {Url} in {Seconds:F1} s", server.Url, watch.Elapsed.TotalSeconds);
        return server;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        (int exit, string output) = await RunAsync("stop", CancellationToken.None).ConfigureAwait(false);
        _logger.LogInformation("[spark] local server stopped (exit {Exit}) {Output}", exit, output.Trim());
    }

    private async Task<(int Exit, string Output)> RunAsync(string verb, CancellationToken cancellationToken)
    {
        // Cancellation stops the wait, not the script: a start that is under way finishes on its own.
        ProcessResult result = await ChildProcess.RunAsync(new ChildProcessOptions("bash", [_script, verb]) { Environment = _environment },
            Timeout.InfiniteTimeSpan).WaitAsync(cancellationToken).ConfigureAwait(false);
        return (result.ExitCode, result.Stderr + result.Stdout);
    }

    private static string? FindScript()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "scripts", "spark-server.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
