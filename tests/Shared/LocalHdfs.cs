using System.Diagnostics;

namespace CxSpark.Testing;

/// <summary>An HDFS mini-cluster started through scripts/hdfs.sh on one port, and stopped by the test.</summary>
public sealed class LocalHdfs : IAsyncDisposable
{
    private LocalHdfs(int port) => Port = port;

    public int Port { get; }

    /// <summary>Gets the file system root, <c>hdfs://127.0.0.1:PORT</c>.</summary>
    public string Url => $"hdfs://127.0.0.1:{Port}";

    public static async Task<LocalHdfs> StartAsync(int port)
    {
        var hdfs = new LocalHdfs(port);
        (int exit, string output) = await hdfs.RunScriptAsync("start").ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"scripts/hdfs.sh start failed on port {port} (exit {exit}):\n{output}");
        }

        return hdfs;
    }

    /// <summary>Runs Hadoop's file system shell against this HDFS (<c>-put</c>, <c>-ls -R</c>, <c>-test -e</c>, …).</summary>
    public Task<(int Exit, string Output)> DfsAsync(params string[] args) => RunScriptAsync(["dfs", .. args]);

    public async ValueTask DisposeAsync() => await RunScriptAsync("stop").ConfigureAwait(false);

    private async Task<(int Exit, string Output)> RunScriptAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "hdfs.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        info.Environment["CXSPARK_HDFS_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
