using System.Runtime.InteropServices;

namespace CxSpark.Jobs.Hosting;

/// <summary>Turns SIGTERM and SIGINT into a cancellation of the running job, with a bounded wait before the process exits.</summary>
/// <remarks>
/// Cancelling the job's token interrupts its Spark operations on the server (the client sends Interrupt for every
/// operation in flight), the run aborts its staging and writes its manifest as <c>cancelled</c>, releases the output's
/// lock, and the process exits 143 (SIGTERM) or 130 (SIGINT). Should that take longer than <see cref="Grace"/>, the
/// process exits with the same code anyway; a second signal exits at once.
/// </remarks>
public sealed class StopSignals : IDisposable
{
    /// <summary>How long the job may take to stop after the first signal.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(25);

    private readonly CancellationTokenSource _cancellation;
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _interrupt;
    private int _exitCode;

    /// <summary>Starts listening; <paramref name="cancellation"/> is cancelled on the first signal.</summary>
    public StopSignals(CancellationTokenSource cancellation)
    {
        _cancellation = cancellation;
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, ExitCodes.Terminated));
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, ExitCodes.Interrupted));
    }

    /// <summary>The exit code of the signal received, or null when none was.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is int code and not 0 ? code : null;

    /// <summary>The name of the signal received (SIGTERM or SIGINT), or null.</summary>
    public string? Signal => ExitCode switch
    {
        ExitCodes.Terminated => "SIGTERM",
        ExitCodes.Interrupted => "SIGINT",
        _ => null,
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        _term.Dispose();
        _interrupt.Dispose();
    }

    private void OnSignal(PosixSignalContext context, int exitCode)
    {
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _exitCode, exitCode, 0) != 0)
        {
            Console.Error.WriteLine($"cxspark: second stop signal; exiting now (exit {exitCode})");
            Environment.Exit(exitCode);
        }

        Console.Error.WriteLine($"cxspark: {context.Signal} received; interrupting Spark operations and stopping (at most {Grace.TotalSeconds:F0} s)");
        _cancellation.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ =>
        {
            Console.Error.WriteLine($"cxspark: the job did not stop within {Grace.TotalSeconds:F0} s of {context.Signal}; exiting (exit {exitCode})");
            Environment.Exit(exitCode);
        }, TaskScheduler.Default);
    }
}
