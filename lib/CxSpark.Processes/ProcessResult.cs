namespace CxSpark.Processes;

/// <summary>The outcome of a child process that exited: its exit code, what it wrote and how long it ran.</summary>
/// <param name="ExitCode">The exit code; 128 + N when a signal N ended it (137 for SIGKILL, 143 for SIGTERM).</param>
/// <param name="Stdout">Everything written to standard output, exactly as written.</param>
/// <param name="Stderr">Everything written to standard error, exactly as written.</param>
/// <param name="Output">The lines of both streams in the order they arrived, each ending with a line feed.</param>
/// <param name="Elapsed">The time from the start to the exit and the end of both streams.</param>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, string Output, TimeSpan Elapsed)
{
    /// <summary>The exit code and the combined output, for assertion and error messages.</summary>
    public override string ToString() => $"exit {ExitCode}; output:\n{Output}";
}
