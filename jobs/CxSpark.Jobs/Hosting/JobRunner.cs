using CxSpark.Pipeline.Configuration;
using CxSpark.Pipeline.Runs;
using Microsoft.Extensions.Logging;

namespace CxSpark.Jobs.Hosting;

/// <summary>Runs one pipeline entry point: opens Spark, runs it under a <see cref="RunContext"/>, writes the manifest.</summary>
public static class JobRunner
{
    /// <summary>Runs <paramref name="body"/> as job <paramref name="job"/>; exceptions propagate to Program's exit-code mapping.</summary>
    public static async Task<int> RunAsync(string job, PipelineOptions options, Func<RunContext, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        using ILoggerFactory loggers = JobLogging.CreateFactory();
        ILogger logger = loggers.CreateLogger("cxspark." + job);
        logger.LogInformation("[{Job}] run {RunId}, run date {RunDate:yyyy-MM-dd}, input {Input}, output {Output}",
            job, options.RunId, options.RunDate, options.Input, options.Output);
        await using SparkConnection spark = await SparkConnection.OpenAsync(options, logger, cancellationToken).ConfigureAwait(false);
        using var progress = new ProgressReporter(spark.Session);
        var context = new RunContext(spark.Session, options, job, logger);
        try
        {
            await body(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await TryFinishAsync(context, "failed", e.Message, logger).ConfigureAwait(false);
            throw;
        }

        string manifest = await context.FinishAsync("succeeded", null, cancellationToken).ConfigureAwait(false);
        Console.Out.WriteLine(manifest);
        return ExitCodes.Ok;
    }

    private static async Task TryFinishAsync(RunContext context, string status, string error, ILogger logger)
    {
        try
        {
            await context.FinishAsync(status, error).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not write the manifest of the {Status} run: {Message}", status, e.Message);
        }
    }
}
