using System.Diagnostics;

namespace CxSpark.Deploy.Tests.Infrastructure;

/// <summary>Processes of this machine found by their command line (/proc), to check that none outlived a test.</summary>
public static class ProcessTable
{
    /// <summary>The ids of running processes whose command line contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> WithCommandLine(string marker)
    {
        var found = new List<int>();
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>Waits until no process has <paramref name="marker"/> in its command line; returns those still running after the wait.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilGoneAsync(string marker, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<int> left = WithCommandLine(marker);
        while (left.Count > 0 && watch.Elapsed < timeout)
        {
            await Task.Delay(250).ConfigureAwait(false);
            left = WithCommandLine(marker);
        }

        return left;
    }

    /// <summary>Kills every process with <paramref name="marker"/> in its command line (cleanup after a failed test).</summary>
    public static void KillAll(string marker)
    {
        foreach (int pid in WithCommandLine(marker))
        {
            try
            {
                using Process process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }
    }
}
