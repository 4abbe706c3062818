namespace CxSpark.Pipeline.Configuration;

/// <summary>Settings of the Spark session the jobs open (configuration section <c>Spark</c>).</summary>
public sealed record SparkOptions
{
    /// <summary>
    /// The shuffle partitions a Spark SQL exchange starts with (key <c>Spark:ShufflePartitions</c>, default 8; raise it
    /// with the cluster's cores): adaptive query execution coalesces small ones, keeping at least one per core.
    /// </summary>
    /// <remarks>
    /// Not 200 with coalescing: the shuffles MLlib runs outside SQL (ALS blocks, cartesian scoring, typed aggregations)
    /// keep the configured count, and 200 turned the sample's nightly into 48,000 mostly empty tasks.
    /// </remarks>
    public int ShufflePartitions { get; init; } = 8;

    /// <summary>How long a job waits for Spark to answer its first request (key <c>Spark:ConnectTimeoutSeconds</c>, default 60).</summary>
    public int ConnectTimeoutSeconds { get; init; } = 60;
}
