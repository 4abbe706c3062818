using System.Globalization;
using CxSpark.Processes;

namespace CxSpark.Testing;

/// <summary>An HDFS mini-cluster started through scripts/hdfs.sh on one port, and stopped by the test.</summary>
public sealed class LocalHdfs : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private LocalHdfs(int port)
    {
        Port = port;
        _environment = new Dictionary<string, string> { ["CXSPARK_HDFS_PORT"] = port.ToString(CultureInfo.InvariantCulture) };
    }

    public int Port { get; }

    /// <summary>Gets the file system root, <c>hdfs://127.0.0.1:PORT</c>.</summary>
    public string Url => $"hdfs://127.0.0.1:{Port}";

    public static async Task<LocalHdfs> StartAsync(int port)
    {
        var hdfs = new LocalHdfs(port);
        ProcessResult start = await hdfs.RunScriptAsync("start").ConfigureAwait(false);
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/hdfs.sh start failed on port {port} (exit {start.ExitCode}):\n{start.Stdout}{start.Stderr}");
        }

        return hdfs;
    }

    /// <summary>Runs Hadoop's file system shell against this HDFS (<c>-put</c>, <c>-ls -R</c>, <c>-test -e</c>, …).</summary>
    public async Task<(int Exit, string Output)> DfsAsync(params string[] args)
    {
        ProcessResult result = await RunScriptAsync(["dfs", .. args]).ConfigureAwait(false);
        return (result.ExitCode, result.Stdout + result.Stderr);
    }

    public async ValueTask DisposeAsync() => await RunScriptAsync("stop").ConfigureAwait(false);

    private Task<ProcessResult> RunScriptAsync(params string[] args) => RepoScripts.RunAsync("hdfs.sh", args, _environment);
}
