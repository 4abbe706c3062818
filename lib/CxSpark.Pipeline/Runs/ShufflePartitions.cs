using System.Globalization;
using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Runs;

/// <summary>Shuffle partitions sized to a SQL stage's rows, set on the session for the stage and restored afterwards.</summary>
/// <remarks>
/// A fixed count makes large shuffles super-linear: at 33.6M event rows, 8 partitions of 4M rows each made the
/// de-duplication 10× slower than at 8.4M rows. Only SQL stages are sized this way; MLlib's own shuffles keep the
/// configured count (a large one multiplies their tasks), and adaptive execution still coalesces small partitions.
/// </remarks>
public static class ShufflePartitions
{
    /// <summary>The rows a shuffle partition is sized for.</summary>
    public const long RowsPerPartition = 500_000;

    /// <summary>The partitions for <paramref name="rows"/>: one per <see cref="RowsPerPartition"/>, never fewer than <paramref name="configured"/>.</summary>
    public static int For(long rows, int configured) =>
        (int)Math.Clamp((rows + RowsPerPartition - 1) / RowsPerPartition, configured, Math.Max(configured, 10_000));

    /// <summary>
    /// Sets the session's shuffle partitions to <see cref="For"/>(<paramref name="rows"/>, <paramref name="configured"/>)
    /// until the returned handle is disposed, which restores <paramref name="configured"/>.
    /// </summary>
    public static async Task<IAsyncDisposable> ScopeAsync(SparkSession spark, long rows, int configured, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spark);
        int partitions = For(rows, configured);
        if (partitions == configured)
        {
            return new Restore(spark, null);
        }

        await spark.Conf.SetAsync(Key, partitions.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        return new Restore(spark, configured.ToString(CultureInfo.InvariantCulture));
    }

    private const string Key = "spark.sql.shuffle.partitions";

    private sealed class Restore(SparkSession spark, string? configured) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (configured is not null)
            {
                await spark.Conf.SetAsync(Key, configured).ConfigureAwait(false);
            }
        }
    }
}
