using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Configuration;
using CxSpark.Pipeline.Publishing;
using Microsoft.Extensions.Logging;

namespace CxSpark.Pipeline.Runs;

/// <summary>The state shared by the stages of one run: session, options, publisher, manifest and logger.</summary>
public sealed class RunContext
{
    /// <summary>Creates the context of one run of <paramref name="job"/>.</summary>
    public RunContext(SparkSession spark, PipelineOptions options, string job, ILogger logger)
    {
        Spark = spark;
        Options = options;
        Logger = logger;
        Publisher = new TablePublisher(options.Output, options.RunId, options.RunDate);
        Outputs = new OutputReader(spark, Publisher);
        Manifest = new RunManifest { RunId = options.RunId, Job = job, RunDate = options.RunDate, Config = options.Effective };
    }

    /// <summary>The Spark session.</summary>
    public SparkSession Spark { get; }

    /// <summary>The run's options.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The logger for stage progress.</summary>
    public ILogger Logger { get; }

    /// <summary>Writes this run's partitions.</summary>
    public TablePublisher Publisher { get; }

    /// <summary>Reads partitions published earlier for this run date.</summary>
    public OutputReader Outputs { get; }

    /// <summary>The manifest being filled in.</summary>
    public RunManifest Manifest { get; }

    /// <summary>Runs one stage, logging its start and end and recording its wall time in the manifest.</summary>
    public async Task<T> StageAsync<T>(string stage, Func<Task<T>> body)
    {
        Logger.LogInformation("[{Stage}] started", stage);
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        TimeSpan serverBefore = Spark.ServerTime;
        var watch = Stopwatch.StartNew();
        try
        {
            T result = await body().ConfigureAwait(false);
            Manifest.Stages.Add(Timing(stage, watch, "succeeded", startedAt, serverBefore));
            Logger.LogInformation("[{Stage}] finished in {Seconds:F1} s", stage, watch.Elapsed.TotalSeconds);
            return result;
        }
        catch (Exception)
        {
            Manifest.Stages.Add(Timing(stage, watch, "failed", startedAt, serverBefore));
            throw;
        }
    }

    private StageTiming Timing(string stage, Stopwatch watch, string status, DateTimeOffset startedAt, TimeSpan serverBefore)
    {
        double seconds = watch.Elapsed.TotalSeconds;
        double server = Math.Min(seconds, (Spark.ServerTime - serverBefore).TotalSeconds);
        using var self = Process.GetCurrentProcess();
        return new StageTiming(stage, Math.Round(seconds, 3), status, startedAt, self.PeakWorkingSet64 / (1024 * 1024), Math.Round(server, 3));
    }

    /// <summary>Records the versions, the outcome and the end time, writes the manifest and returns its path.</summary>
    public async Task<string> FinishAsync(string status, string? error, CancellationToken cancellationToken = default)
    {
        Manifest.Status = status;
        Manifest.Error = error;
        Manifest.FinishedAt = DateTimeOffset.UtcNow;
        Manifest.Versions["cxspark"] = typeof(RunContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Manifest.Versions["dotnet"] = RuntimeInformation.FrameworkDescription;
        try
        {
            Manifest.Versions["spark"] = await Spark.VersionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (status != "succeeded")
        {
            Manifest.Versions["spark"] = "unavailable: " + e.GetType().Name;
        }

        Publisher.CleanUpStaging();
        string path = await RunManifestWriter.WriteAsync(Spark, Manifest, Options.Output, cancellationToken).ConfigureAwait(false);
        Logger.LogInformation("Run {RunId} {Status}; manifest {Path}", Options.RunId, status, path);
        return path;
    }
}
