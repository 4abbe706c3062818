using Microsoft.Extensions.Logging;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Finishes the commits that killed runs left half done: forward when every staged table is still there, else back.</summary>
/// <remarks>Runs under the output's lock, before a run stages anything, and as <c>cxspark recover</c>.</remarks>
public static class CommitRecovery
{
    /// <summary>Rolls every interrupted commit under <paramref name="layout"/> forward or back; returns how many there were.</summary>
    /// <exception cref="InvalidDataException">A journal cannot be read; it is left in place for a person to look at.</exception>
    public static int Recover(OutputLayout layout, ILogger logger)
    {
        if (!layout.IsLocal || !Directory.Exists(layout.Runs))
        {
            return 0;
        }

        string[] journals = Directory.GetFiles(layout.Runs, "*" + OutputLayout.JournalExtension).Order(StringComparer.Ordinal).ToArray();
        foreach (string path in journals)
        {
            CommitJournal journal = CommitJournal.Read(path);
            var commit = new LocalCommit(layout, journal, logger);
            if (commit.CanRollForward)
            {
                logger.LogWarning("[recover] run {RunId} ({Job}, {RunDate:yyyy-MM-dd}) was stopped during its commit; rolling it forward ({Tables} tables)",
                    journal.RunId, journal.Job, journal.RunDate, journal.Entries.Count);
                commit.RollForward();
            }
            else
            {
                logger.LogWarning("[recover] run {RunId} ({Job}, {RunDate:yyyy-MM-dd}) was stopped during its commit and its staged tables are gone; rolling it back",
                    journal.RunId, journal.Job, journal.RunDate);
                commit.RollBack();
            }
        }

        return journals.Length;
    }
}
