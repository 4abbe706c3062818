using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;

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
    /// <remarks>A table persisted by <see cref="PersistAsync"/> is served from Spark's cache until it is released.</remarks>
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

    /// <summary>
    /// Keeps the run date's partition of <paramref name="table"/> in Spark's cache (memory, spilling to disk) for the
    /// stages that read it next, until the returned handle is disposed; nothing is cached when it was never published.
    /// </summary>
    public async Task<IAsyncDisposable> PersistAsync(string table, CancellationToken cancellationToken = default)
    {
        DataFrame? frame = await ReadAsync(table, cancellationToken).ConfigureAwait(false);
        if (frame is null || _persisted.ContainsKey(table))
        {
            return new Persisted(this, table, null);
        }

        DataFrame cached = await frame.PersistAsync(StorageLevel.MemoryAndDisk, cancellationToken).ConfigureAwait(false);
        _persisted[table] = cached;
        return new Persisted(this, table, cached);
    }

    private sealed class Persisted(OutputReader reader, string table, DataFrame? frame) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (frame is not null && reader._persisted.Remove(table))
            {
                await frame.UnpersistAsync().ConfigureAwait(false);
            }
        }
    }
}
