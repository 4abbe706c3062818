using CxSpark.Pipeline.Configuration;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Runs;
using Microsoft.Extensions.Logging;

namespace CxSpark.Jobs.Hosting;

/// <summary>Runs one pipeline entry point: holds the output's lock, finishes what dead runs left, opens Spark, runs the body
/// under a <see cref="RunContext"/>, commits its tables and writes the manifest.</summary>
public static class JobRunner
{
    /// <summary>Runs <paramref name="body"/> as job <paramref name="job"/>; exceptions propagate to Program's exit-code mapping.</summary>
    public static async Task<int> RunAsync(string job, PipelineOptions options, Func<RunContext, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        using ILoggerFactory loggers = JobLogging.CreateFactory();
        ILogger logger = loggers.CreateLogger("cxspark." + job);
        logger.LogInformation("[{Job}] run {RunId}, run date {RunDate:yyyy-MM-dd}, input {Input}, output {Output}",
            job, options.RunId, options.RunDate, options.Input, options.Output);
        using OutputLock? held = HoldOutput(options, logger);
        await using SparkConnection spark = await SparkConnection.OpenAsync(options, logger, cancellationToken).ConfigureAwait(false);
        using var progress = new ProgressReporter(spark.Session);
        var context = new RunContext(spark.Session, options, job, logger);
        try
        {
            await context.StartAsync(cancellationToken).ConfigureAwait(false);
            await body(context, cancellationToken).ConfigureAwait(false);
            await context.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            string status = cancellationToken.IsCancellationRequested ? "cancelled" : "failed";
            if (cancellationToken.IsCancellationRequested)
            {
                await InterruptAsync(spark, logger).ConfigureAwait(false);
            }

            await TryFinishAsync(context, status, e.Message, logger).ConfigureAwait(false);
            throw;
        }

        string manifest = await context.FinishAsync("succeeded", null, CancellationToken.None).ConfigureAwait(false);
        Console.Out.WriteLine(manifest);
        return ExitCodes.Ok;
    }

    /// <summary>Takes the output's lock (local outputs), then rolls interrupted commits forward or back and sweeps leftovers.</summary>
    /// <exception cref="OutputLockedException">Another run holds the output.</exception>
    public static OutputLock? HoldOutput(PipelineOptions options, ILogger logger)
    {
        var layout = new OutputLayout(options.Output);
        if (!layout.IsLocal)
        {
            logger.LogInformation("[lock] {Output} is not a local path: no lock, recovery or sweep there (see README, Outputs)", options.Output);
            return null;
        }

        OutputLock held = OutputLock.Acquire(layout, options.RunId, TimeSpan.FromHours(options.Publish.LockStaleHours), logger);
        try
        {
            CommitRecovery.Recover(layout, logger);
            OutputSweeper.Sweep(layout, options.RunId, logger);
            return held;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Interrupts whatever the session still runs on the server, so a stopped job leaves no work behind it.</summary>
    private static async Task InterruptAsync(SparkConnection spark, ILogger logger)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            IReadOnlyList<string> interrupted = await spark.Session.InterruptAllAsync(timeout.Token).ConfigureAwait(false);
            logger.LogWarning("[stop] run cancelled; interrupted {Count} Spark operation(s) still running on the server", interrupted.Count);
        }
        catch (Exception e)
        {
            logger.LogWarning("[stop] could not interrupt the session's Spark operations: {Message}", e.Message);
        }
    }

    private static async Task TryFinishAsync(RunContext context, string status, string error, ILogger logger)
    {
        try
        {
            await context.FinishAsync(status, error, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not write the manifest of the {Status} run: {Message}", status, e.Message);
        }
    }
}
