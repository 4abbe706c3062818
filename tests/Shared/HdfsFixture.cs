using System.Globalization;
using System.Reflection;

namespace CxSpark.Testing;

/// <summary>An HDFS mini-cluster for the test classes that take it as a class fixture: started before their first test
/// and stopped after their last, so the other tests never wait for it.</summary>
/// <remarks>The NameNode port is <c>CXSPARK_TEST_HDFS_PORT</c> when set, else the test project's <c>CxSparkTestHdfsPort</c>
/// assembly metadata (set in the project file).</remarks>
public sealed class HdfsFixture : IAsyncLifetime
{
    private LocalHdfs? _hdfs;

    public LocalHdfs Hdfs => _hdfs ?? throw new InvalidOperationException("The HDFS fixture has not started.");

    /// <summary>Gets the file system root, <c>hdfs://127.0.0.1:PORT</c>.</summary>
    public string Url => Hdfs.Url;

    public async Task InitializeAsync() => _hdfs = await LocalHdfs.StartAsync(ResolvePort()).ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_hdfs is not null)
        {
            await _hdfs.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Copies a local folder or file to <paramref name="hdfsPath"/> (an absolute path on this HDFS) and returns its URI.</summary>
    public async Task<string> PutAsync(string localPath, string hdfsPath)
    {
        (int exit, string output) = await Hdfs.DfsAsync("-put", localPath, hdfsPath).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"hdfs dfs -put {localPath} {hdfsPath} failed (exit {exit}):\n{output}");
        }

        return Url + hdfsPath;
    }

    /// <summary>The paths of every file and folder under <paramref name="hdfsPath"/>, without the scheme and authority.</summary>
    public async Task<IReadOnlyList<string>> ListRecursiveAsync(string hdfsPath)
    {
        (int exit, string output) = await Hdfs.DfsAsync("-ls", "-R", hdfsPath).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"hdfs dfs -ls -R {hdfsPath} failed (exit {exit}):\n{output}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('d') || line.StartsWith('-'))
            .Select(line => line[line.IndexOf(hdfsPath, StringComparison.Ordinal)..])
            .ToArray();
    }

    private static int ResolvePort()
    {
        string? port = Environment.GetEnvironmentVariable("CXSPARK_TEST_HDFS_PORT");
        if (string.IsNullOrEmpty(port))
        {
            port = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "CxSparkTestHdfsPort")?.Value
                ?? throw new InvalidOperationException("Set CXSPARK_TEST_HDFS_PORT or the project's CxSparkTestHdfsPort assembly metadata.");
        }

        return int.Parse(port, CultureInfo.InvariantCulture);
    }
}
