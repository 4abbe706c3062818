using System.Diagnostics;
using System.Text.Json;

namespace CxSpark.Pipeline.Tests.Infrastructure;

/// <summary>The outcome of one cxspark process.</summary>
public sealed record JobResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>Runs the built cxspark executable (copied beside the tests) as a separate process.</summary>
public static class Cxspark
{
    public static Task<JobResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs cxspark with extra environment variables (for example a fault point).</summary>
    public static async Task<JobResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using Process process = Start(args, environment);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new JobResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs cxspark and kills it (SIGKILL, as a crash or an OOM killer would) as soon as <paramref name="killWhen"/>
    /// holds; fails when the process exits before that.</summary>
    public static async Task<JobResult> RunAndKillWhenAsync(Func<bool> killWhen, params string[] args) =>
        (await RunAndSignalWhenAsync("KILL", killWhen, args)).Result;

    /// <summary>Runs cxspark and, once <paramref name="signalWhen"/> holds, sends it <paramref name="signal"/> (TERM, INT, KILL)
    /// with kill(1); returns its outcome and the seconds from the signal to its exit.</summary>
    public static Task<(JobResult Result, double SecondsToExit)> RunAndSignalWhenAsync(string signal, Func<bool> signalWhen, params string[] args) =>
        RunAndSignalWhenAsync(signal, signalWhen, mayExitFirst: false, args);

    /// <summary>As <see cref="RunAndSignalWhenAsync(string, Func{bool}, string[])"/>; with <paramref name="mayExitFirst"/>, a
    /// process that ends before the condition holds is not a failure (its outcome is returned, with -1 seconds).</summary>
    public static async Task<(JobResult Result, double SecondsToExit)> RunAndSignalWhenAsync(string signal, Func<bool> signalWhen, bool mayExitFirst, params string[] args)
    {
        using Process process = Start(args);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        while (!signalWhen())
        {
            if (mayExitFirst && process.HasExited)
            {
                await process.WaitForExitAsync();
                return (new JobResult(process.ExitCode, await stdout, await stderr), -1);
            }

            if (process.HasExited || watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Assert.Fail($"cxspark ended (or ran 5 min) before the signal condition held: exit {process.ExitCode}\n{await stderr}");
            }

            await Task.Delay(20);
        }

        using (Process kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        var sinceSignal = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (new JobResult(process.ExitCode, await stdout, await stderr), sinceSignal.Elapsed.TotalSeconds);
    }

    private static Process Start(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        string workDir = RepoPaths.NewTempDir("cxspark-cwd");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "cxspark.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        info.Environment.Remove("SPARK_REMOTE");
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>The manifest JSON of the only run in an output folder with <paramref name="job"/> as its job.</summary>
    public static JsonElement Manifest(string output, string job)
    {
        string file = Directory.GetFiles(Path.Combine(output, "_runs"), "*.json")
            .Single(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("job").GetString() == job);
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement;
    }
}
