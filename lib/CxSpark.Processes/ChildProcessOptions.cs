namespace CxSpark.Processes;

/// <summary>What <see cref="ChildProcess.Start"/> runs: the program, its arguments, working folder and environment, and
/// optional per-line observers of its output.</summary>
/// <param name="FileName">The program, a path or a name looked up on <c>PATH</c>.</param>
/// <param name="Arguments">The arguments, each passed as one argument without shell quoting.</param>
public sealed record ChildProcessOptions(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Gets the working folder; <see langword="null"/> inherits this process's current folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Gets the variables set in the child's environment, over those inherited from this process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the inherited variables removed from the child's environment (before <see cref="Environment"/> is applied).</summary>
    public IReadOnlyList<string> Unset { get; init; } = [];

    /// <summary>Gets an observer called with each line of standard output as it arrives (without its line break).</summary>
    /// <remarks>Called on a thread-pool thread; lines of standard output and standard error may be observed concurrently.</remarks>
    public Action<string>? StdoutLine { get; init; }

    /// <summary>Gets an observer called with each line of standard error as it arrives (without its line break).</summary>
    /// <remarks>Called on a thread-pool thread; lines of standard output and standard error may be observed concurrently.</remarks>
    public Action<string>? StderrLine { get; init; }

    /// <summary>The command line, for messages: the program and its arguments separated by spaces.</summary>
    public override string ToString() => Arguments.Count == 0 ? FileName : FileName + " " + string.Join(' ', Arguments);
}
