using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Reads partitions this pipeline published earlier (the input of later stages).</summary>
public sealed class OutputReader
{
    private readonly SparkSession _spark;
    private readonly TablePublisher _publisher;

    /// <summary>Creates a reader of one run date's partitions.</summary>
    public OutputReader(SparkSession spark, TablePublisher publisher)
    {
        _spark = spark;
        _publisher = publisher;
    }

    /// <summary>The run date's partition of <paramref name="table"/>, or null when it was never published.</summary>
    public async Task<DataFrame?> ReadAsync(string table, CancellationToken cancellationToken = default)
    {
        string path = _publisher.PartitionPath(table);
        if (StoragePath.IsLocal(path) && !Directory.Exists(path))
        {
            return null;
        }

        DataFrame frame = _spark.Read().Parquet(path);
        try
        {
            await frame.SchemaAsync(cancellationToken).ConfigureAwait(false);
            return frame;
        }
        catch (AnalysisException e) when (e.Message.Contains("PATH_NOT_FOUND", StringComparison.Ordinal))
        {
            return null;
        }
    }
}
