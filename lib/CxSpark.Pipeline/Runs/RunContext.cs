using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Configuration;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Quality;
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
        Publisher = new TablePublisher(spark, options.Output, options.RunId, options.RunDate, job);
        Outputs = new OutputReader(spark, Publisher);
        Manifest = new RunManifest { RunId = options.RunId, Job = job, RunDate = options.RunDate, Config = options.Effective };
    }

    /// <summary>The Spark session.</summary>
    public SparkSession Spark { get; }

    /// <summary>The run's options.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The logger for stage progress.</summary>
    public ILogger Logger { get; }

    /// <summary>Stages this run's tables and commits them at its end.</summary>
    public TablePublisher Publisher { get; }

    /// <summary>Reads this run's staged tables, or those published earlier for this run date.</summary>
    public OutputReader Outputs { get; }

    /// <summary>The manifest being filled in.</summary>
    public RunManifest Manifest { get; }

    /// <summary>Writes the manifest with status <c>running</c>, so a run that never finishes is still on record.</summary>
    public Task<string> StartAsync(CancellationToken cancellationToken = default) =>
        RunManifestWriter.WriteAsync(Spark, Manifest, Options.Output, cancellationToken);

    /// <summary>
    /// Stages <paramref name="rows"/> as this run's <paramref name="table"/>, counts the staged rows, records the count in
    /// the manifest under <paramref name="rowCountKey"/> (when given) and logs it.
    /// </summary>
    /// <remarks>The count comes from the files written (Parquet footers), so the manifest counts what will be published.</remarks>
    public async Task<StagedTable> PublishAsync(DataFrame rows, string table, string? rowCountKey = null, CancellationToken cancellationToken = default)
    {
        string staged = await Publisher.StageAsync(rows, table, cancellationToken).ConfigureAwait(false);
        DataFrame files = Spark.Read().Parquet(staged);
        long count = await files.CountAsync(cancellationToken).ConfigureAwait(false);
        if (rowCountKey is not null)
        {
            Manifest.RowCounts[rowCountKey] = count;
        }

        Logger.LogInformation("[stage] {Table}: {Rows} rows staged", table, count);
        return new StagedTable(table, staged, count, files);
    }

    /// <summary>Makes every table this run staged visible together, and records where each was published.</summary>
    /// <remarks>The quality gates run first (<see cref="CheckQualityAsync"/>); not cancellable once the renames start.</remarks>
    /// <exception cref="QualityGateException">A gate set to fail did not pass: nothing is published.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await CheckQualityAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyDictionary<string, string> published = await Publisher.CommitAsync(Logger, CancellationToken.None).ConfigureAwait(false);
        foreach ((string table, string path) in published)
        {
            Manifest.Outputs[table] = path;
            Logger.LogInformation("[publish] {Table} -> {Path}", table, path);
        }
    }

    /// <summary>Holds this run's cleaning counts against earlier runs' (<see cref="QualityGates"/>), recording every verdict.</summary>
    /// <exception cref="QualityGateException">A gate set to fail did not pass.</exception>
    public async Task CheckQualityAsync(CancellationToken cancellationToken = default)
    {
        if (Manifest.Cleaning.Count == 0)
        {
            return;
        }

        IReadOnlyList<IReadOnlyDictionary<string, Cleaning.TableCounts>> history =
            await ManifestHistory.LoadAsync(Spark, Publisher.Layout, Options.RunId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<GateVerdict> verdicts = QualityGates.Evaluate(Manifest.Cleaning, history, Options.Quality);
        Manifest.Quality.AddRange(verdicts);
        foreach (GateVerdict verdict in verdicts)
        {
            Logger.Log(verdict.Passed ? LogLevel.Information : LogLevel.Warning, "[quality] {Gate} {Verdict}: {Message}",
                verdict.Gate, verdict.Passed ? "passed" : verdict.Action == GateAction.Fail ? "FAILED" : "warned", verdict.Message);
        }

        GateVerdict[] failed = verdicts.Where(v => v.Blocks).ToArray();
        if (failed.Length > 0)
        {
            throw new QualityGateException(failed);
        }
    }

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

        if (status != "succeeded")
        {
            Publisher.Abort();
        }

        string path = await RunManifestWriter.WriteAsync(Spark, Manifest, Options.Output, cancellationToken).ConfigureAwait(false);
        Logger.LogInformation("Run {RunId} {Status}; manifest {Path}", Options.RunId, status, path);
        return path;
    }
}
