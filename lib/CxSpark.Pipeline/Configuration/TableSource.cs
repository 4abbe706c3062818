namespace CxSpark.Pipeline.Configuration;

/// <summary>Where and how one raw table is read, and how its columns map to the contract.</summary>
public sealed record TableSource
{
    /// <summary>The dataset path; null means <c>&lt;input&gt;/&lt;table&gt;</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The Spark data source: <c>parquet</c> (default), <c>csv</c>, <c>json</c> or <c>orc</c>.</summary>
    public string Format { get; init; } = "parquet";

    /// <summary>A DDL schema for the reader (needed for CSV without inference); null lets the source decide.</summary>
    public string? Schema { get; init; }

    /// <summary>Reader options (for CSV, <c>header</c> defaults to true).</summary>
    public IReadOnlyDictionary<string, string> ReaderOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Contract column name to the user's column name.</summary>
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();
}
