using System.Diagnostics;
using System.Text.Json;
using CxSpark.Processes;

namespace CxSpark.Pipeline.Tests.Infrastructure;

/// <summary>Runs the built cxspark executable (copied beside the tests) as a separate process, in a fresh working folder
/// and without SPARK_REMOTE.</summary>
public static class Cxspark
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_signalWait = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_exitAfterSignal = TimeSpan.FromMinutes(2);

    public static Task<ProcessResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs cxspark with extra environment variables (for example a fault point).</summary>
    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ChildProcess.RunAsync(Options(args, environment), s_runTimeout);

    /// <summary>Runs cxspark and kills it (SIGKILL, as a crash or an OOM killer would) as soon as <paramref name="killWhen"/>
    /// holds; fails when the process exits before that.</summary>
    public static async Task<ProcessResult> RunAndKillWhenAsync(Func<bool> killWhen, params string[] args) =>
        (await RunAndSignalWhenAsync("KILL", killWhen, args)).Result;

    /// <summary>Runs cxspark and, once <paramref name="signalWhen"/> holds, sends it <paramref name="signal"/> (TERM, INT, KILL)
    /// with kill(1); returns its outcome and the seconds from the signal to its exit.</summary>
    public static Task<(ProcessResult Result, double SecondsToExit)> RunAndSignalWhenAsync(string signal, Func<bool> signalWhen, params string[] args) =>
        RunAndSignalWhenAsync(signal, signalWhen, mayExitFirst: false, args);

    /// <summary>As <see cref="RunAndSignalWhenAsync(string, Func{bool}, string[])"/>; with <paramref name="mayExitFirst"/>, a
    /// process that ends before the condition holds is not a failure (its outcome is returned, with -1 seconds).</summary>
    public static async Task<(ProcessResult Result, double SecondsToExit)> RunAndSignalWhenAsync(string signal, Func<bool> signalWhen, bool mayExitFirst, params string[] args)
    {
        await using ChildProcess process = ChildProcess.Start(SignalOptions(args));
        var watch = Stopwatch.StartNew();
        while (!signalWhen())
        {
            if (mayExitFirst && process.HasExited)
            {
                return (await process.WaitAsync(s_runTimeout), -1);
            }

            if (process.HasExited || watch.Elapsed > s_signalWait)
            {
                process.Kill();
                ProcessResult early = await process.WaitAsync(s_runTimeout);
                Assert.Fail($"cxspark ended (or ran 5 min) before the signal condition held: exit {early.ExitCode}\n{early.Stderr}");
            }

            await Task.Delay(20);
        }

        process.Signal(signal);
        var sinceSignal = Stopwatch.StartNew();
        ProcessResult result = await process.WaitAsync(s_exitAfterSignal);
        return (result, sinceSignal.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The job started with every signal at its default disposition: a test host started in the background by a
    /// non-interactive shell (as CI may start it) ignores SIGINT, children inherit that, and .NET keeps an ignored SIGINT
    /// ignored, so the job would never see the Ctrl-C the test sends. <c>env --default-signal</c> (coreutils) resets it.
    /// </summary>
    private static ChildProcessOptions SignalOptions(string[] args)
    {
        ChildProcessOptions options = Options(args);
        return options with { FileName = "env", Arguments = ["--default-signal", options.FileName, .. options.Arguments] };
    }

    private static ChildProcessOptions Options(string[] args, IReadOnlyDictionary<string, string>? environment = null) =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "cxspark.dll"), .. args])
        {
            WorkingDirectory = RepoPaths.NewTempDir("cxspark-cwd"),
            Environment = environment ?? new Dictionary<string, string>(),
            Unset = ["SPARK_REMOTE"],
        };

    /// <summary>The manifest JSON of the only run in an output folder with <paramref name="job"/> as its job.</summary>
    public static JsonElement Manifest(string output, string job)
    {
        string file = Directory.GetFiles(Path.Combine(output, "_runs"), "*.json")
            .Single(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("job").GetString() == job);
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement;
    }
}
