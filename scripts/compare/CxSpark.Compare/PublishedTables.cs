namespace CxSpark.Compare;

/// <summary>The published tables of a cxspark output root and the Parquet files of their partitions.</summary>
/// <remarks>
/// A table is a folder holding <c>key=value</c> partition folders (or Parquet files directly); its path relative to the root
/// names it (<c>clean/transactions</c>). Folders and files whose names start with <c>_</c> or <c>.</c> are work files
/// (<c>_runs/</c>, <c>_staging/</c>, <c>_lock</c>, <c>_cxspark_run.json</c>, <c>.spark-staging-…</c>) and are skipped, as Spark,
/// Hive and DuckDB partition discovery skip them.
/// </remarks>
public static class PublishedTables
{
    /// <summary>Each table's name and its Parquet files, by name.</summary>
    public static SortedDictionary<string, IReadOnlyList<string>> Find(string root)
    {
        var tables = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Visit(new DirectoryInfo(root), root, tables);
        return tables;
    }

    private static void Visit(DirectoryInfo folder, string root, SortedDictionary<string, IReadOnlyList<string>> tables)
    {
        DirectoryInfo[] children = folder.GetDirectories().Where(d => !IsWorkName(d.Name)).ToArray();
        bool isTable = children.Any(d => d.Name.Contains('=', StringComparison.Ordinal)) || ParquetFiles(folder, recurse: false).Any();
        if (isTable && folder.FullName != new DirectoryInfo(root).FullName)
        {
            string name = Path.GetRelativePath(root, folder.FullName).Replace('\\', '/');
            tables[name] = ParquetFiles(folder, recurse: true).Order(StringComparer.Ordinal).ToArray();
            return;
        }

        foreach (DirectoryInfo child in children.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            Visit(child, root, tables);
        }
    }

    private static IEnumerable<string> ParquetFiles(DirectoryInfo folder, bool recurse)
    {
        IEnumerable<string> here = folder.GetFiles("*.parquet").Where(f => !IsWorkName(f.Name)).Select(f => f.FullName);
        return recurse
            ? here.Concat(folder.GetDirectories().Where(d => !IsWorkName(d.Name)).SelectMany(d => ParquetFiles(d, recurse: true)))
            : here;
    }

    private static bool IsWorkName(string name) => name.StartsWith('_') || name.StartsWith('.');
}
