using Microsoft.Extensions.Logging;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Removes what dead runs left under an output root: their staging folders and Spark's own temporary folders.</summary>
/// <remarks>
/// Runs under the output's lock after <see cref="CommitRecovery"/>, so no other run is writing and no journal still
/// needs a staging folder. Each removed path is logged. Folders of the format before run-level commits
/// (<c>_replaced-&lt;run&gt;-run_date=D</c> beside a table's partitions) are restored when their partition is missing.
/// </remarks>
public static class OutputSweeper
{
    /// <summary>Sweeps <paramref name="layout"/>'s root, keeping <paramref name="currentRunId"/>'s staging folder; returns the paths removed.</summary>
    public static IReadOnlyList<string> Sweep(OutputLayout layout, string currentRunId, ILogger logger)
    {
        var removed = new List<string>();
        if (!layout.IsLocal || !Directory.Exists(layout.Root))
        {
            return removed;
        }

        if (Directory.Exists(layout.Staging))
        {
            foreach (string staging in Directory.GetDirectories(layout.Staging).Where(d => Path.GetFileName(d) != currentRunId))
            {
                Delete(layout, staging, layout.Staging, "staging folder of a run that did not finish", logger, removed);
            }
        }

        foreach (string folder in TableFolders(layout.Root))
        {
            foreach (string child in Directory.GetDirectories(folder))
            {
                string name = Path.GetFileName(child);
                if (name.StartsWith(".spark-staging-", StringComparison.Ordinal) || name == "_temporary")
                {
                    Delete(layout, child, folder, "Spark's temporary folder of a write that did not finish", logger, removed);
                }
                else if (name.StartsWith("_replaced-", StringComparison.Ordinal))
                {
                    string partition = Path.Combine(folder, name[(name.LastIndexOf("-run_date=", StringComparison.Ordinal) + 1)..]);
                    if (name.Contains("-run_date=", StringComparison.Ordinal) && !Directory.Exists(partition))
                    {
                        logger.LogWarning("[sweep] restoring {Partition} from {Aside}, left by a run killed between two renames", partition, child);
                        Directory.Move(layout.CheckInside(child, folder), layout.CheckInside(partition, folder));
                    }
                    else
                    {
                        Delete(layout, child, folder, "partition replaced by a later run", logger, removed);
                    }
                }
            }
        }

        return removed;
    }

    /// <summary>Every folder under the root that holds run_date partitions, outside the '_' and '.' folders.</summary>
    private static IEnumerable<string> TableFolders(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            foreach (string child in Directory.GetDirectories(folder))
            {
                string name = Path.GetFileName(child);
                if (name.StartsWith("run_date=", StringComparison.Ordinal) || name.StartsWith("_replaced-", StringComparison.Ordinal)
                    || name.StartsWith(".spark-staging-", StringComparison.Ordinal))
                {
                    yield return folder;
                    break;
                }

                if (!name.StartsWith('_') && !name.StartsWith('.'))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static void Delete(OutputLayout layout, string path, string folder, string what, ILogger logger, List<string> removed)
    {
        logger.LogWarning("[sweep] removing {Path}: {What}", path, what);
        Directory.Delete(layout.CheckInside(path, folder), recursive: true);
        removed.Add(path);
    }
}
