using System.Diagnostics;
using System.Text;

namespace CxSpark.Deploy.Tests.Infrastructure;

/// <summary>A process a test starts (a script, spark-submit, cxspark), with its combined output, killed with its
/// descendants when the test ends before it does.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="file"/> without SPARK_REMOTE, with <paramref name="environment"/> added.</summary>
    public static ChildProcess Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        info.Environment.Remove("SPARK_REMOTE");
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, child._stdoutClosed);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, child._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a repository script to the end.</summary>
    public static async Task<JobOutcome> RunScriptAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        await using ChildProcess child = Start("bash", [Path.Combine(RepoPaths.Root, "scripts", script), .. arguments], environment);
        return await child.WaitAsync(timeout).ConfigureAwait(false);
    }

    /// <summary>Waits for the exit; on timeout kills the process tree and fails with its output.</summary>
    public async Task<JobOutcome> WaitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)} did not exit within {timeout}:\n{Output}");
        }

        return new JobOutcome(_process.ExitCode, Output);
    }

    /// <summary>Sends a signal to the process itself (not its children), as an operator or a resource manager would.</summary>
    public void Signal(string signal)
    {
        using Process kill = Process.Start("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {Id} failed");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    private void Append(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

/// <summary>The exit code and combined output of a finished process.</summary>
public sealed record JobOutcome(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}; output:\n{Output}";
}
