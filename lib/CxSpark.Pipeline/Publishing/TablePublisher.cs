using CxSpark.Connect.Sql;
using Microsoft.Extensions.Logging;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Publishes one run's tables together: each stage stages its tables, and the run commits them all at its end.</summary>
/// <remarks>
/// Staged tables are written by Spark under <c>&lt;output&gt;/_staging/&lt;run_id&gt;/new/&lt;table&gt;</c> and read from there
/// by the run's later stages (<see cref="ReadPath"/>); nothing is visible to readers of the tables until
/// <see cref="CommitAsync"/>, which the run calls after every stage and check has passed. A run that fails or is killed
/// before it leaves the published tables as they were.
/// <para>
/// On a local file system the commit is a journal and directory renames (<see cref="LocalCommit"/>, recovered by
/// <see cref="CommitRecovery"/>). Other URIs (hdfs://, s3a://) commit each staged table through Spark's dynamic partition
/// overwrite, whose job commit replaces the partition by one rename (atomic on HDFS, a copy on s3a://); there the
/// tables become visible one after another, tables no longer produced are not removed, and no journal is kept.
/// </para>
/// </remarks>
public sealed class TablePublisher
{
    private readonly SparkSession _spark;
    private readonly string _runId;
    private readonly string _job;
    private readonly DateOnly _runDate;
    private readonly List<string> _staged = [];
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    /// <summary>Creates the publisher of one run.</summary>
    public TablePublisher(SparkSession spark, string output, string runId, DateOnly runDate, string job)
    {
        _spark = spark;
        Layout = new OutputLayout(output);
        _runId = runId;
        _runDate = runDate;
        _job = job;
    }

    /// <summary>The output root's layout.</summary>
    public OutputLayout Layout { get; }

    /// <summary>The run date whose partitions this run stages and publishes.</summary>
    public DateOnly RunDate => _runDate;

    /// <summary>The tables staged so far, in staging order.</summary>
    public IReadOnlyList<string> Staged => _staged;

    /// <summary>The published path of <paramref name="table"/>'s partition of this run date.</summary>
    public string PartitionPath(string table) => Layout.Partition(table, _runDate);

    /// <summary>Declares that this run produces <paramref name="tables"/>: any of them it does not stage loses its partition of
    /// the run date at the commit, and later stages of the run do not read the earlier run's partition of it.</summary>
    public void Claim(IEnumerable<string> tables)
    {
        foreach (string table in tables)
        {
            _claimed.Add(OutputLayout.CheckTable(table));
        }
    }

    /// <summary>Where this run reads <paramref name="table"/>: its staged copy, else (when the run does not produce it) the
    /// published partition; null when the run produces it but has not staged it.</summary>
    public string? ReadPath(string table) =>
        _staged.Contains(table) ? Layout.Staged(_runId, table) : _claimed.Contains(table) ? null : PartitionPath(table);

    /// <summary>Writes <paramref name="rows"/> as this run's staged copy of <paramref name="table"/>.</summary>
    /// <returns>The staged path, to be read back by the run (counts, later stages).</returns>
    public async Task<string> StageAsync(DataFrame rows, string table, CancellationToken cancellationToken = default)
    {
        string staged = Layout.Staged(_runId, table);
        await rows.Write().Mode(SaveMode.Overwrite).ParquetAsync(staged, cancellationToken).ConfigureAwait(false);
        if (Layout.IsLocal)
        {
            if (!Directory.Exists(staged))
            {
                throw new IOException($"Spark wrote {staged}, but this process cannot see it: the Spark server does not share this file system. " +
                    "Use a shared path or an hdfs:// output.");
            }

            Marker(table).WriteInto(staged);
        }

        _claimed.Add(table);
        if (!_staged.Contains(table))
        {
            _staged.Add(table);
        }

        return staged;
    }

    /// <summary>Makes every staged table visible and removes the run date's partitions of claimed tables not staged.</summary>
    /// <returns>The published partition of each staged table.</returns>
    public async Task<IReadOnlyDictionary<string, string>> CommitAsync(ILogger logger, CancellationToken cancellationToken = default)
    {
        if (!Layout.IsLocal)
        {
            return await CommitWithSparkAsync(cancellationToken).ConfigureAwait(false);
        }

        IEnumerable<CommitEntry> removed = _claimed.Where(t => !_staged.Contains(t) && Directory.Exists(PartitionPath(t)))
            .Order(StringComparer.Ordinal).Select(t => new CommitEntry(t, CommitAction.Remove));
        var journal = new CommitJournal(_runId, _job, _runDate, [.. _staged.Select(t => new CommitEntry(t, CommitAction.Replace)), .. removed]);
        journal.Write(Layout.Journal(_runId));
        FaultPoint.Hit("commit.journal");
        return new LocalCommit(Layout, journal, logger).RollForward();
    }

    /// <summary>Deletes this run's staged tables after a failure; a commit already under way is left to recovery.</summary>
    /// <remarks>
    /// Tasks of a write that was just interrupted can still create files in the staging folder for a moment, so the folder
    /// is deleted until it has stayed gone for 1.5 s (12.5 s at most); whatever is left then is removed by the next run's sweep.
    /// </remarks>
    public void Abort()
    {
        if (!Layout.IsLocal || File.Exists(Layout.Journal(_runId)))
        {
            return;
        }

        string staging = Layout.CheckInside(Layout.RunStaging(_runId), Layout.Staging);
        // Tasks of an interrupted write can still create files, even commit a whole table, a moment after the interrupt:
        // the folder must stay gone for a quiet period, not just be gone once.
        int quiet = 0;
        for (int attempt = 0; attempt < AbortAttempts && quiet < AbortQuietChecks; attempt++)
        {
            if (!Directory.Exists(staging))
            {
                quiet++;
            }
            else
            {
                quiet = 0;
                try
                {
                    Directory.Delete(staging, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Files appeared while deleting: try again below.
                }
            }

            Thread.Sleep(s_abortCheckInterval);
        }

        Layout.DeleteStagingIfEmpty();
    }

    private const int AbortAttempts = 50;
    private const int AbortQuietChecks = 6;
    private static readonly TimeSpan s_abortCheckInterval = TimeSpan.FromMilliseconds(250);

    private RunMarker Marker(string table) => new(_runId, _job, table, _runDate, DateTimeOffset.UtcNow);

    /// <summary>Publishes each staged table through Spark alone, for file systems this process cannot rename on.</summary>
    /// <remarks>
    /// Dynamic partition overwrite writes under <c>&lt;table&gt;/.spark-staging-&lt;job&gt;/</c> and at job commit replaces the
    /// partition by one directory rename (atomic on HDFS). It writes nothing for an empty frame, which would leave an
    /// earlier partition of the date in place, so an empty table overwrites the partition folder itself (one schema-only
    /// file). The run marker is written last, as a one-line text dataset at the marker's name.
    /// </remarks>
    private async Task<IReadOnlyDictionary<string, string>> CommitWithSparkAsync(CancellationToken cancellationToken)
    {
        var published = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string table in _staged)
        {
            DataFrame rows = _spark.Read().Parquet(Layout.Staged(_runId, table));
            string partition = PartitionPath(table);
            bool isEmpty = await rows.Limit(1).CountAsync(cancellationToken).ConfigureAwait(false) == 0;
            if (isEmpty)
            {
                await rows.Write().Mode(SaveMode.Overwrite).ParquetAsync(partition, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await rows.WithColumn(OutputTables.PartitionColumn, Lit(_runDate))
                    .Write().Mode(SaveMode.Overwrite).Option("partitionOverwriteMode", "dynamic")
                    .PartitionBy(OutputTables.PartitionColumn)
                    .ParquetAsync(Layout.Table(table), cancellationToken).ConfigureAwait(false);

                // The dynamic overwrite's _SUCCESS stays in its staging folder; an empty append adds it once the data is in place.
                await rows.Limit(0).Write().Mode(SaveMode.Append).ParquetAsync(partition, cancellationToken).ConfigureAwait(false);
            }

            await _spark.CreateDataFrame([[Marker(table).ToJson()]], "value STRING").Coalesce(1)
                .Write().Mode(SaveMode.Overwrite).Format("text").SaveAsync(partition + "/" + OutputLayout.RunMarker, cancellationToken).ConfigureAwait(false);
            published[table] = partition;
        }

        return published;
    }
}
