using CxSpark.Processes;

namespace CxSpark.Bench.Nightly;

/// <summary>Runs a child process with both its output streams appended to a log file, line by line as they arrive.</summary>
internal static class LoggedProcess
{
    /// <summary>Runs <paramref name="file"/> to its end; the log gets the command line first and the exit code and wall
    /// seconds last.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, string log, IReadOnlyList<string>? unset = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(log))!);
        await using var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        var gate = new object();
        void Write(string line)
        {
            lock (gate)
            {
                writer.WriteLine(line);
            }
        }

        var options = new ChildProcessOptions(file, arguments.ToArray()) { Unset = unset ?? [], StdoutLine = Write, StderrLine = Write };
        await writer.WriteLineAsync($"$ {options}");
        ProcessResult result = await ChildProcess.RunAsync(options, Timeout.InfiniteTimeSpan);
        Write($"# exit {result.ExitCode} after {result.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    /// <summary>The lines of a result's standard output.</summary>
    public static IEnumerable<string> StdoutLines(this ProcessResult result) =>
        result.Stdout.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
