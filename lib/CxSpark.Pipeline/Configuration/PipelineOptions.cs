using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Quality;
using CxSpark.Pipeline.Recommendations;

namespace CxSpark.Pipeline.Configuration;

/// <summary>Everything one pipeline run needs: locations, run identity, table sources and stage options.</summary>
/// <remarks>Loaded by <see cref="PipelineOptionsLoader"/> from a JSON file, then the environment, then the command line.</remarks>
public sealed record PipelineOptions
{
    /// <summary>The raw zone: one folder per input table (key <c>Input</c>).</summary>
    public required string Input { get; init; }

    /// <summary>The output root (key <c>Output</c>).</summary>
    public required string Output { get; init; }

    /// <summary>The partition this run writes (key <c>RunDate</c>, <c>yyyy-MM-dd</c>; default today, UTC).</summary>
    public DateOnly RunDate { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The run id, also the manifest's file name (key <c>RunId</c>; default generated).</summary>
    public string RunId { get; init; } = NewRunId();

    /// <summary>The Spark Connect URL (key <c>Remote</c>); null starts a local server unless <c>SPARK_REMOTE</c> is set.</summary>
    public string? Remote { get; init; }

    /// <summary>Per-table sources (keys <c>Tables:&lt;table&gt;:…</c>).</summary>
    public IReadOnlyDictionary<string, TableSource> Tables { get; init; } = new Dictionary<string, TableSource>();

    /// <summary>The transaction-id prefix of cancellations (key <c>Cleaning:CancellationPrefix</c>).</summary>
    public string? CancellationPrefix { get; init; }

    /// <summary>The lowest valid rating (key <c>Cleaning:MinRating</c>, default 0.5).</summary>
    public double MinRating { get; init; } = 0.5;

    /// <summary>The highest valid rating (key <c>Cleaning:MaxRating</c>, default 5).</summary>
    public double MaxRating { get; init; } = 5.0;

    /// <summary>
    /// The largest valid transaction |quantity|, unit price and |line amount| (keys <c>Cleaning:MaxQuantity</c>,
    /// <c>Cleaning:MaxUnitPrice</c>, <c>Cleaning:MaxLineAmount</c>); beyond them a line is quarantined as <c>absurd_value</c>.
    /// </summary>
    public ValueBounds Bounds { get; init; } = new();

    /// <summary>The date recency and tenure are measured to (key <c>Profiles:ReferenceDate</c>); null: the day after the last purchase.</summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>The key of the PII pseudonym hash (key <c>Pii:HashKey</c>); null drops PII columns from outputs.</summary>
    public string? PiiHashKey { get; init; }

    /// <summary>The smallest k the segment job tries (key <c>Segments:MinK</c>); null: 3.</summary>
    public int? SegmentsMinK { get; init; }

    /// <summary>The largest k the segment job tries (key <c>Segments:MaxK</c>); null: 8.</summary>
    public int? SegmentsMaxK { get; init; }

    /// <summary>The data-quality gates checked before publishing (keys <c>Quality:…</c>).</summary>
    public QualityOptions Quality { get; init; } = new();

    /// <summary>Options of the recommend stage (keys <c>Recommend:…</c>).</summary>
    public RecommendOptions Recommend { get; init; } = new();

    /// <summary>
    /// The shuffle partitions a Spark SQL exchange starts with (key <c>Spark:ShufflePartitions</c>, default 8; raise it
    /// with the cluster's cores): adaptive query execution coalesces small ones, keeping at least one per core.
    /// </summary>
    /// <remarks>
    /// Not 200 with coalescing: the shuffles MLlib runs outside SQL (ALS blocks, cartesian scoring, typed aggregations)
    /// keep the configured count, and 200 turned the sample's nightly into 48,000 mostly empty tasks.
    /// </remarks>
    public int ShufflePartitions { get; init; } = 8;

    /// <summary>
    /// How old (hours) another run's lock of the output may be before this run takes it over (key <c>Publish:LockStaleHours</c>,
    /// default 24); a lock whose process is gone on this host is taken over at once.
    /// </summary>
    public double LockStaleHours { get; init; } = DefaultLockStaleHours;

    /// <summary>The default of <see cref="LockStaleHours"/>.</summary>
    public const double DefaultLockStaleHours = 24;

    /// <summary>How long a job waits for Spark to answer its first request (key <c>Spark:ConnectTimeoutSeconds</c>, default 60).</summary>
    public int ConnectTimeoutSeconds { get; init; } = 60;

    /// <summary>The effective configuration, flattened, secrets redacted: written to the manifest.</summary>
    public IReadOnlyDictionary<string, string> Effective { get; init; } = new Dictionary<string, string>();

    /// <summary>The source of <paramref name="table"/>, or the default (Parquet under the input folder).</summary>
    public TableSource SourceOf(string table) => Tables.TryGetValue(table, out TableSource? source) ? source : new TableSource();

    /// <summary>The dataset path of <paramref name="table"/>.</summary>
    public string PathOf(string table) => SourceOf(table).Path ?? CombinePath(Input, table);

    /// <summary>Joins a root (local path or URI) and a relative path with '/'.</summary>
    public static string CombinePath(string root, string relative) => root.TrimEnd('/') + "/" + relative;

    /// <summary>A new, sortable run id: <c>run-yyyyMMddTHHmmssZ-xxxxxx</c>.</summary>
    public static string NewRunId() =>
        $"run-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}Z-{Guid.NewGuid().ToString("N")[..6]}";
}
