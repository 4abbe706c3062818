using CxSpark.Pipeline.Configuration;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Where everything lives under one output root, and the guard every rename and delete passes first.</summary>
/// <remarks>
/// <code>
/// &lt;root&gt;/&lt;table&gt;/run_date=D/                 published partitions (clean/transactions, customer_profiles, ...)
/// &lt;root&gt;/&lt;table&gt;/run_date=D/_cxspark_run.json  the run that wrote the partition
/// &lt;root&gt;/_staging/&lt;run_id&gt;/new/&lt;table&gt;/     a run's staged tables (no '=' anywhere below _staging)
/// &lt;root&gt;/_staging/&lt;run_id&gt;/old/&lt;table&gt;/     the partitions a commit replaced, until it ends
/// &lt;root&gt;/_runs/&lt;run_id&gt;.json                 run manifests
/// &lt;root&gt;/_runs/&lt;run_id&gt;.commit               a commit journal, present while a commit is under way
/// &lt;root&gt;/_lock                              the lock of the run that holds the output
/// </code>
/// Every folder that is not a published partition starts with '_' and sits outside every table's folder, so Spark,
/// DuckDB and Hive readers of a table never list it.
/// </remarks>
public sealed class OutputLayout
{
    /// <summary>The marker file in every published partition, naming the run that wrote it.</summary>
    public const string RunMarker = "_cxspark_run.json";

    /// <summary>The extension of a commit journal in the runs folder.</summary>
    public const string JournalExtension = ".commit";

    /// <summary>Creates the layout of <paramref name="root"/> (a local path or a URI).</summary>
    public OutputLayout(string root)
    {
        Root = StoragePath.ForSpark(root).TrimEnd('/');
        IsLocal = StoragePath.IsLocal(root);
    }

    /// <summary>The output root, absolute for local paths.</summary>
    public string Root { get; }

    /// <summary>Whether this process can rename and delete under the root itself.</summary>
    public bool IsLocal { get; }

    /// <summary>The folder of run manifests and commit journals.</summary>
    public string Runs => Combine(Root, OutputTables.Runs);

    /// <summary>The staging area of every run.</summary>
    public string Staging => Combine(Root, OutputTables.Staging);

    /// <summary>The lock file.</summary>
    public string Lock => Combine(Root, "_lock");

    /// <summary>The folder of <paramref name="table"/> (all its partitions).</summary>
    public string Table(string table) => Combine(Root, CheckTable(table));

    /// <summary>The published partition of <paramref name="table"/> for <paramref name="runDate"/>.</summary>
    public string Partition(string table, DateOnly runDate) => Combine(Table(table), OutputTables.Partition(runDate));

    /// <summary>The staging folder of one run.</summary>
    public string RunStaging(string runId) => Combine(Staging, runId);

    /// <summary>Where run <paramref name="runId"/> stages <paramref name="table"/>.</summary>
    public string Staged(string runId, string table) => Combine(RunStaging(runId), "new", CheckTable(table));

    /// <summary>Where run <paramref name="runId"/>'s commit keeps the partition of <paramref name="table"/> it replaces.</summary>
    public string Aside(string runId, string table) => Combine(RunStaging(runId), "old", CheckTable(table));

    /// <summary>The commit journal of run <paramref name="runId"/>.</summary>
    public string Journal(string runId) => Combine(Runs, runId + JournalExtension);

    /// <summary>Removes the staging area when no run has a folder left in it (a run appearing meanwhile keeps it).</summary>
    public void DeleteStagingIfEmpty()
    {
        try
        {
            if (Directory.Exists(Staging) && !Directory.EnumerateFileSystemEntries(Staging).Any())
            {
                Directory.Delete(Staging);
            }
        }
        catch (IOException)
        {
            // Something appeared in it after the check: it stays.
        }
    }

    /// <summary>Throws unless the local <paramref name="path"/> lies strictly inside <paramref name="folder"/> of this root.</summary>
    /// <remarks>Called before every rename and recursive delete, so no run id, table name or journal can point one outside.</remarks>
    /// <exception cref="InvalidOperationException">The path escapes the folder.</exception>
    public string CheckInside(string path, string folder)
    {
        string full = Path.GetFullPath(path);
        string container = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string root = Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!container.StartsWith(root, StringComparison.Ordinal) || !full.StartsWith(container, StringComparison.Ordinal) || full.Length <= container.Length)
        {
            throw new InvalidOperationException($"Refusing to rename or delete {full}: it is not inside {container}.");
        }

        return full;
    }

    /// <summary>A table name: relative segments of letters, digits and '_' (no '.', '=' or leading '_').</summary>
    /// <exception cref="ArgumentException">The name could address a folder outside the table folders.</exception>
    public static string CheckTable(string table)
    {
        bool valid = table.Length > 0 && table.Split('/').All(segment =>
            segment.Length > 0 && segment[0] != '_' && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));
        return valid ? table : throw new ArgumentException($"'{table}' is not an output table name.", nameof(table));
    }

    private static string Combine(string root, params string[] parts) => string.Join('/', [root.TrimEnd('/'), .. parts]);
}
