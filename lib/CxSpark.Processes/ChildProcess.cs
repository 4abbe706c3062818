using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CxSpark.Processes;

/// <summary>A process this one starts with its standard output and error captured, and waits for, signals or kills with
/// its descendants.</summary>
/// <remarks>Standard input is inherited. Disposing kills the process tree if it still runs, so
/// <c>await using</c> never leaves a child behind.</remarks>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_streamsWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_exitWait = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ChildProcessOptions _options;
    private readonly Stopwatch _watch;
    private readonly object _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _output = new();
    private Task _streams = Task.CompletedTask;

    private ChildProcess(Process process, ChildProcessOptions options, Stopwatch watch)
    {
        _process = process;
        _options = options;
        _watch = watch;
    }

    /// <summary>Gets the process id.</summary>
    public int Id => _process.Id;

    /// <summary>Gets whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Gets the lines of both streams received so far, in arrival order.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a process and begins reading its output.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started.</exception>
    public static ChildProcess Start(ChildProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var info = new ProcessStartInfo(options.FileName, options.Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (options.WorkingDirectory is not null)
        {
            info.WorkingDirectory = options.WorkingDirectory;
        }

        foreach (string name in options.Unset)
        {
            info.Environment.Remove(name);
        }

        foreach ((string name, string value) in options.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var watch = Stopwatch.StartNew();
        process.Start();
        var child = new ChildProcess(process, options, watch);
        child._streams = Task.WhenAll(
            child.ReadAsync(process.StandardOutput, child._stdout, options.StdoutLine),
            child.ReadAsync(process.StandardError, child._stderr, options.StderrLine));
        return child;
    }

    /// <summary>Starts a process, waits for its exit and returns its outcome; kills the process tree on timeout or cancellation.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits for as long as it takes.</param>
    /// <param name="cancellationToken">Cancels the wait and kills the process tree.</param>
    /// <exception cref="TimeoutException">The process ran longer than <paramref name="timeout"/>; the message holds its output.</exception>
    public static async Task<ProcessResult> RunAsync(ChildProcessOptions options, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await using ChildProcess child = Start(options);
        return await child.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the exit and the end of both output streams; kills the process tree on timeout or cancellation.</summary>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits for as long as it takes.</param>
    /// <param name="cancellationToken">Cancels the wait and kills the process tree.</param>
    /// <exception cref="TimeoutException">The process ran longer than <paramref name="timeout"/>, or exited while a descendant
    /// kept its output open; the message holds its output.</exception>
    public async Task<ProcessResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new TimeoutException($"{_options} did not exit within {timeout}:\n{Output}");
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        try
        {
            await _streams.WaitAsync(s_streamsWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"{_options} exited {_process.ExitCode} but its output stayed open for {s_streamsWait} (a descendant holds it):\n{Output}");
        }

        _watch.Stop();
        lock (_gate)
        {
            return new ProcessResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString(), _output.ToString(), _watch.Elapsed);
        }
    }

    /// <summary>Sends <paramref name="signal"/> (<c>TERM</c>, <c>INT</c>, <c>KILL</c>, …) to the process itself, not its
    /// descendants, with kill(1), as an operator or a resource manager would.</summary>
    /// <returns><see langword="true"/> when kill(1) delivered it; <see langword="false"/> when it failed, for example because
    /// the process had already exited.</returns>
    public bool Signal(string signal)
    {
        using Process kill = Process.Start("kill", ["-" + signal, Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }

    /// <summary>Kills the process and its descendants (SIGKILL) if it still runs.</summary>
    public void Kill()
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

    /// <summary>Kills the process tree if it still runs, waits for the exit and releases the process handle.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync().WaitAsync(s_exitWait).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>Copies one stream into its own text as written, and into the combined output line by line.</summary>
    private async Task ReadAsync(StreamReader reader, StringBuilder own, Action<string>? observe)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        bool afterCarriageReturn = false;
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (_gate)
            {
                own.Append(buffer, 0, read);
            }

            // Line breaks as StreamReader.ReadLine sees them: \n, \r or \r\n.
            for (int i = 0; i < read; i++)
            {
                char c = buffer[i];
                if (c == '\n' && afterCarriageReturn)
                {
                    afterCarriageReturn = false;
                    continue;
                }

                afterCarriageReturn = c == '\r';
                if (c is '\n' or '\r')
                {
                    EndLine(line, observe);
                }
                else
                {
                    line.Append(c);
                }
            }
        }

        if (line.Length > 0)
        {
            EndLine(line, observe);
        }
    }

    private void EndLine(StringBuilder line, Action<string>? observe)
    {
        string text = line.ToString();
        line.Clear();
        lock (_gate)
        {
            _output.Append(text).Append('\n');
        }

        observe?.Invoke(text);
    }
}
