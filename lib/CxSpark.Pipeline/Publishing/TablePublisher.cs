using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Writes one <c>run_date</c> partition of an output table so that readers never see it half-written.</summary>
/// <remarks>
/// On a local file system the partition is written by Spark to <c>&lt;output&gt;/_staging/&lt;run_id&gt;/&lt;table&gt;/run_date=…</c>
/// (including Spark's <c>_SUCCESS</c>), then moved into <c>&lt;output&gt;/&lt;table&gt;/run_date=…</c> by a directory rename. A
/// previous partition of the same date is first renamed aside (<c>_replaced-…</c>, ignored by Spark) and deleted after the
/// move, so a rerun replaces it; a crash between the two renames leaves the date absent, never partial, and the rerun
/// restores it. Other URIs (hdfs://, s3a://) are written by Spark's dynamic partition overwrite, which stages files and
/// moves the partition at job commit (see <see cref="PublishWithSparkAsync"/>). The data files hold the table's columns;
/// <c>run_date</c> comes from the folder name.
/// </remarks>
public sealed class TablePublisher
{
    private readonly string _output;
    private readonly string _runId;
    private readonly DateOnly _runDate;

    /// <summary>Creates a publisher for one run.</summary>
    public TablePublisher(string output, string runId, DateOnly runDate)
    {
        _output = output;
        _runId = runId;
        _runDate = runDate;
    }

    /// <summary>The path of <paramref name="table"/>'s partition of this run date.</summary>
    public string PartitionPath(string table) =>
        StoragePath.ForSpark(Combine(_output, table, OutputTables.Partition(_runDate)));

    /// <summary>Writes <paramref name="rows"/> as this run date's partition of <paramref name="table"/> and publishes it.</summary>
    /// <returns>The published partition path.</returns>
    public async Task<string> PublishAsync(DataFrame rows, string table, CancellationToken cancellationToken = default)
    {
        if (!StoragePath.IsLocal(_output))
        {
            await PublishWithSparkAsync(rows, table, cancellationToken).ConfigureAwait(false);
            return PartitionPath(table);
        }

        string partition = OutputTables.Partition(_runDate);
        string staged = StoragePath.ToLocal(Combine(_output, OutputTables.Staging, _runId, table, partition));
        await rows.Write().Mode(SaveMode.Overwrite).ParquetAsync(staged, cancellationToken).ConfigureAwait(false);
        if (!Directory.Exists(staged))
        {
            throw new IOException($"Spark wrote {staged}, but this process cannot see it: the Spark server does not share this file system. " +
                "Use a shared path or an hdfs:// output.");
        }

        string final = PartitionPath(table);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        string replaced = Path.Combine(Path.GetDirectoryName(final)!, $"_replaced-{_runId}-{partition}");
        bool hadPrevious = Directory.Exists(final);
        if (hadPrevious)
        {
            Directory.Move(final, replaced);
        }

        Directory.Move(staged, final);
        if (hadPrevious)
        {
            Directory.Delete(replaced, recursive: true);
        }

        return final;
    }

    /// <summary>Publishes through Spark alone, for file systems this process cannot rename on.</summary>
    /// <remarks>
    /// Dynamic partition overwrite writes under <c>&lt;table&gt;/.spark-staging-&lt;job&gt;/</c> and at job commit replaces the
    /// partition by one directory rename (atomic on HDFS). It writes nothing for an empty frame, which would leave an
    /// earlier partition of the date in place, so an empty frame overwrites the partition folder itself (one schema-only
    /// file). Spark's <c>_SUCCESS</c> of a dynamic overwrite stays in its staging folder, so an empty append to the
    /// published partition adds it afterwards: the marker appears only once the data is in place.
    /// </remarks>
    private async Task PublishWithSparkAsync(DataFrame rows, string table, CancellationToken cancellationToken)
    {
        string partition = PartitionPath(table);
        bool isEmpty = await rows.Limit(1).CountAsync(cancellationToken).ConfigureAwait(false) == 0;
        if (isEmpty)
        {
            await rows.Write().Mode(SaveMode.Overwrite).ParquetAsync(partition, cancellationToken).ConfigureAwait(false);
            return;
        }

        await rows.WithColumn(OutputTables.PartitionColumn, Lit(_runDate))
            .Write().Mode(SaveMode.Overwrite).Option("partitionOverwriteMode", "dynamic")
            .PartitionBy(OutputTables.PartitionColumn)
            .ParquetAsync(Combine(_output, table), cancellationToken).ConfigureAwait(false);
        await rows.Limit(0).Write().Mode(SaveMode.Append).ParquetAsync(partition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes this run's (now empty) staging folder.</summary>
    public void CleanUpStaging()
    {
        if (StoragePath.IsLocal(_output))
        {
            string root = StoragePath.ToLocal(Combine(_output, OutputTables.Staging));
            string staging = Path.Combine(root, _runId);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
    }

    private static string Combine(string root, params string[] parts) => string.Join('/', [root.TrimEnd('/'), .. parts]);
}
