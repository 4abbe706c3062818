namespace CxSpark.Pipeline.Configuration;

/// <summary>Tells local paths (which this process can rename) from URIs only Spark can reach (hdfs://, s3a://, ...).</summary>
public static class StoragePath
{
    /// <summary>Whether <paramref name="path"/> is on the local file system (a plain path or a file:// URI).</summary>
    public static bool IsLocal(string path)
    {
        int scheme = path.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0 || path.StartsWith("file://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The local file-system path of a local <paramref name="path"/>.</summary>
    public static string ToLocal(string path) =>
        path.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(path).LocalPath : Path.GetFullPath(path);

    /// <summary>The path Spark should be given: absolute for local paths, unchanged for URIs.</summary>
    public static string ForSpark(string path) => IsLocal(path) ? ToLocal(path) : path;
}
