using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Quality;

namespace CxSpark.Pipeline.Publishing;

/// <summary>What one run read, did, wrote and measured; serialised to <c>_runs/&lt;run_id&gt;.json</c>.</summary>
public sealed class RunManifest
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The verb that ran (<c>clean</c>, <c>profile</c>, <c>nightly</c>, ...).</summary>
    public required string Job { get; init; }

    /// <summary>The partition date written.</summary>
    public required DateOnly RunDate { get; init; }

    /// <summary><c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c> (SIGTERM or SIGINT).</summary>
    public string Status { get; set; } = "running";

    /// <summary>The failure message, if any.</summary>
    public string? Error { get; set; }

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>When the run ended (UTC).</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Input tables read: table name to dataset path.</summary>
    public SortedDictionary<string, string> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The effective configuration (secrets redacted).</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>Cleaning counts per input table, with quarantine counts by reason.</summary>
    public SortedDictionary<string, TableCounts> Cleaning { get; } = new(StringComparer.Ordinal);

    /// <summary>Named row counts per stage (for example <c>profile.customers</c>).</summary>
    public SortedDictionary<string, long> RowCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Model metrics and choices by name, such as <c>segment.silhouette.k3</c> and <c>segment.k</c>.</summary>
    public SortedDictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);

    /// <summary>Trained models by name (for example <c>recommend.als</c>) with their chosen parameters.</summary>
    public SortedDictionary<string, IReadOnlyDictionary<string, string>> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>Stages in run order with their wall time.</summary>
    public List<StageTiming> Stages { get; } = [];

    /// <summary>The data-quality gates' verdicts, evaluated before anything was published.</summary>
    public List<GateVerdict> Quality { get; } = [];

    /// <summary>Published partitions: output table to path.</summary>
    public SortedDictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Versions of CxSpark, .NET and the Spark server.</summary>
    public SortedDictionary<string, string> Versions { get; } = new(StringComparer.Ordinal);
}

/// <summary>One stage's wall time, when it started and the .NET process's peak memory so far.</summary>
/// <param name="Stage">The stage name.</param>
/// <param name="Seconds">Elapsed seconds.</param>
/// <param name="Status"><c>succeeded</c> or <c>failed</c>.</param>
/// <param name="StartedAt">When the stage started (UTC), so its Spark jobs can be found by time (for example in Spark's UI REST API).</param>
/// <param name="PeakWorkingSetMb">The job process's peak working set at the end of the stage, in MiB (a high-water mark over the run so far).</param>
/// <param name="ServerSeconds">
/// The seconds of the stage during which a call to the Spark server was in flight (<see cref="CxSpark.Connect.Sql.SparkSession.ServerTime"/>);
/// <see cref="Seconds"/> minus these is the time CxSpark itself took between calls.
/// </param>
public sealed record StageTiming(string Stage, double Seconds, string Status, DateTimeOffset? StartedAt = null, long? PeakWorkingSetMb = null, double? ServerSeconds = null);
