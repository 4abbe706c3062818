using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using CxSpark.Pipeline.Configuration;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Reads the tables a run's later stages take as input: what the run staged, else what was published for the run date.</summary>
public sealed class OutputReader
{
    private readonly SparkSession _spark;
    private readonly TablePublisher _publisher;
    private readonly Dictionary<string, DataFrame> _persisted = new(StringComparer.Ordinal);

    /// <summary>Creates a reader of one run date's partitions.</summary>
    public OutputReader(SparkSession spark, TablePublisher publisher)
    {
        _spark = spark;
        _publisher = publisher;
    }

    /// <summary>
    /// This run's staged <paramref name="table"/>, else its published partition of the run date when the run does not produce
    /// it; null when neither exists.
    /// </summary>
    /// <remarks>
    /// A table persisted by <see cref="PersistAsync"/> is served from Spark's cache while its scope lasts, then from the
    /// same files.
    /// </remarks>
    public async Task<DataFrame?> ReadAsync(string table, CancellationToken cancellationToken = default)
    {
        if (_persisted.TryGetValue(table, out DataFrame? persisted))
        {
            return persisted;
        }

        string? path = _publisher.ReadPath(table);
        if (path is null || (StoragePath.IsLocal(path) && !Directory.Exists(path)))
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

    /// <summary>Like <see cref="ReadAsync"/>, for an input the stage cannot run without.</summary>
    /// <param name="table">The table.</param>
    /// <param name="producer">The job that writes <paramref name="table"/>, named in the error.</param>
    /// <param name="cancellationToken">Cancels the schema request.</param>
    /// <exception cref="MissingInputException">The table was neither staged by this run nor published for the run date.</exception>
    public async Task<DataFrame> RequireAsync(string table, string producer, CancellationToken cancellationToken = default) =>
        await ReadAsync(table, cancellationToken).ConfigureAwait(false)
            ?? throw new MissingInputException(table, _publisher.RunDate, _publisher.Layout.Root, producer);

    /// <summary>
    /// Keeps the run date's partition of <paramref name="table"/> in Spark's cache (memory, spilling to disk) for the
    /// stages that read it next, until <paramref name="cache"/> ends; nothing is cached when it was never published.
    /// </summary>
    public async Task PersistAsync(string table, CacheScope cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        DataFrame? frame = await ReadAsync(table, cancellationToken).ConfigureAwait(false);
        if (frame is not null && !_persisted.ContainsKey(table))
        {
            _persisted[table] = await cache.CacheAsync(frame, cancellationToken).ConfigureAwait(false);
        }
    }
}
