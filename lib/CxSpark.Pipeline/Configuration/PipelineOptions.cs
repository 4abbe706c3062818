using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Profiles;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Quality;
using CxSpark.Pipeline.Recommendations;
using CxSpark.Pipeline.Segments;

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

    /// <summary>Options of the clean stage (keys <c>Cleaning:…</c>, <c>Pii:HashKey</c>).</summary>
    public CleaningOptions Cleaning { get; init; } = new();

    /// <summary>Options of the profile stage (keys <c>Profiles:…</c>).</summary>
    public ProfileOptions Profiles { get; init; } = new();

    /// <summary>Options of the segment stage (keys <c>Segments:…</c>).</summary>
    public SegmentOptions Segments { get; init; } = new();

    /// <summary>Options of the recommend stage (keys <c>Recommend:…</c>).</summary>
    public RecommendOptions Recommend { get; init; } = new();

    /// <summary>The data-quality gates checked before publishing (keys <c>Quality:…</c>).</summary>
    public QualityOptions Quality { get; init; } = new();

    /// <summary>Options of publishing (keys <c>Publish:…</c>).</summary>
    public PublishOptions Publish { get; init; } = new();

    /// <summary>Settings of the Spark session (keys <c>Spark:…</c>).</summary>
    public SparkOptions Spark { get; init; } = new();

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
