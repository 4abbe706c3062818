using System.Diagnostics;

namespace CxSpark.Bench.Nightly;

/// <summary>Runs a child process with its output appended to a log file, and measures its wall time.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/>; returns its exit code, wall seconds and standard output lines.</summary>
    public static async Task<(int Exit, double Seconds, IReadOnlyList<string> Stdout)> RunAsync(
        string file, IEnumerable<string> arguments, string log, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(log))!);
        await using var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        await writer.WriteLineAsync($"$ {file} {string.Join(' ', info.ArgumentList)}");
        var stdout = new List<string>();
        var gate = new object();
        var watch = Stopwatch.StartNew();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    stdout.Add(e.Data);
                    writer.WriteLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    writer.WriteLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        double seconds = watch.Elapsed.TotalSeconds;
        lock (gate)
        {
            writer.WriteLine($"# exit {process.ExitCode} after {seconds:F1} s");
            return (process.ExitCode, seconds, stdout);
        }
    }
}
