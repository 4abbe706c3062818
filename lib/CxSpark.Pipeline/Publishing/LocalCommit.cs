using Microsoft.Extensions.Logging;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Carries out a <see cref="CommitJournal"/> on a local file system by directory renames, forward or back.</summary>
/// <remarks>
/// Forward, per table: the published partition (if any) moves aside into the run's staging folder, then the staged one
/// moves into its place; after every table, the run's staging folder and the journal are deleted. Each step checks what
/// is already done, so a commit killed anywhere is finished by running <see cref="RollForward"/> again. Back (when a
/// staged table has gone missing): partitions this run wrote are removed and the ones it moved aside return.
/// Between the two renames of one table its date is absent for a moment; that, and the moment between two tables,
/// is the only time a reader can see anything but the previous or the new complete set.
/// </remarks>
public sealed class LocalCommit
{
    private readonly OutputLayout _layout;
    private readonly CommitJournal _journal;
    private readonly ILogger _logger;

    /// <summary>Creates the commit of <paramref name="journal"/> under <paramref name="layout"/>.</summary>
    public LocalCommit(OutputLayout layout, CommitJournal journal, ILogger logger)
    {
        _layout = layout;
        _journal = journal;
        _logger = logger;
    }

    /// <summary>Whether every table can still be put in place: it is staged, or already published by this run.</summary>
    public bool CanRollForward => _journal.Entries.Where(e => e.Action == CommitAction.Replace)
        .All(e => Directory.Exists(Staged(e)) || RunMarker.RunIdOf(Final(e)) == _journal.RunId);

    /// <summary>Publishes every staged table and removes the partitions the run no longer produces; idempotent.</summary>
    /// <returns>The published partition of each replaced table.</returns>
    public IReadOnlyDictionary<string, string> RollForward()
    {
        var published = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < _journal.Entries.Count; i++)
        {
            CommitEntry entry = _journal.Entries[i];
            string final = Final(entry);
            bool isStaged = Directory.Exists(Staged(entry));
            if ((isStaged || entry.Action == CommitAction.Remove) && Directory.Exists(final) && !Directory.Exists(Aside(entry)))
            {
                Move(final, Aside(entry));
            }

            FaultPoint.Hit($"commit.aside-{i}");
            if (entry.Action == CommitAction.Replace)
            {
                if (isStaged)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                    Move(Staged(entry), final);
                }

                published[entry.Table] = final;
            }
            else
            {
                _logger.LogInformation("[commit] {Table}: run {RunId} no longer produces it; its {RunDate:yyyy-MM-dd} partition is removed",
                    entry.Table, _journal.RunId, _journal.RunDate);
            }

            FaultPoint.Hit($"commit.moved-{i}");
        }

        FaultPoint.Hit("commit.renamed");
        Finish();
        return published;
    }

    /// <summary>Restores the partitions the commit moved aside and removes those it published; idempotent.</summary>
    public void RollBack()
    {
        foreach (CommitEntry entry in _journal.Entries)
        {
            string final = Final(entry);
            if (Directory.Exists(final) && RunMarker.RunIdOf(final) == _journal.RunId)
            {
                Move(final, Staged(entry) + "-rolled-back");
            }

            if (Directory.Exists(Aside(entry)) && !Directory.Exists(final))
            {
                Move(Aside(entry), final);
            }
        }

        Finish();
    }

    /// <summary>Deletes the run's staging folder (the replaced partitions with it), then the journal.</summary>
    private void Finish()
    {
        string staging = _layout.CheckInside(_layout.RunStaging(_journal.RunId), _layout.Staging);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        FaultPoint.Hit("commit.cleaned");
        File.Delete(_layout.CheckInside(_layout.Journal(_journal.RunId), _layout.Runs));
        _layout.DeleteStagingIfEmpty();
    }

    private void Move(string from, string to)
    {
        _layout.CheckInside(from, _layout.Root);
        _layout.CheckInside(to, _layout.Root);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        Directory.Move(from, to);
    }

    private string Final(CommitEntry entry) => _layout.Partition(entry.Table, _journal.RunDate);

    private string Staged(CommitEntry entry) => _layout.Staged(_journal.RunId, entry.Table);

    private string Aside(CommitEntry entry) => _layout.Aside(_journal.RunId, entry.Table);
}
