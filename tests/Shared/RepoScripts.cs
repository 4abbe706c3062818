using CxSpark.Processes;

namespace CxSpark.Testing;

/// <summary>The repository's scripts (<c>scripts/*.sh</c>), run with bash in the repository root.</summary>
public static class RepoScripts
{
    /// <summary>What runs <c>scripts/<paramref name="script"/></c> with <paramref name="arguments"/> and the variables of
    /// <paramref name="environment"/> added.</summary>
    public static ChildProcessOptions Options(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        new("bash", [Path.Combine(RepoPaths.Root, "scripts", script), .. arguments])
        {
            WorkingDirectory = RepoPaths.Root,
            Environment = environment ?? new Dictionary<string, string>(),
        };

    /// <summary>Runs a script to its end (without a time limit unless <paramref name="timeout"/> is given).</summary>
    public static Task<ProcessResult> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        ChildProcess.RunAsync(Options(script, arguments, environment), timeout ?? Timeout.InfiniteTimeSpan);
}
