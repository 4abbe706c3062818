using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxSpark.Pipeline.Tests.Publishing;

/// <summary>The commit protocol's renames on plain folders (no Spark involved): forward from any state a kill can leave, back
/// when a staged table is gone, and no path outside the output root.</summary>
public sealed class LocalCommitTests
{
    private static readonly DateOnly s_date = new(2024, 3, 1);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RollForward_FromEveryIntermediateState_PublishesTheNewSetAndCleansUp(int stepsDone)
    {
        (OutputLayout layout, CommitJournal journal) = Prepare();
        // Replay the first steps of the commit as a killed run would have left them.
        if (stepsDone >= 1)
        {
            Directory.Move(layout.Partition("a", s_date), Aside(layout, "a"));
        }

        if (stepsDone >= 2)
        {
            Directory.Move(layout.Staged("new", "a"), layout.Partition("a", s_date));
        }

        if (stepsDone >= 3)
        {
            Directory.Move(layout.Partition("gone", s_date), Aside(layout, "gone"));
        }

        var commit = new LocalCommit(layout, journal, NullLogger.Instance);
        Assert.True(commit.CanRollForward);
        commit.RollForward();

        Assert.Equal("new", RunMarker.RunIdOf(layout.Partition("a", s_date)));
        Assert.False(Directory.Exists(layout.Partition("gone", s_date)));
        Assert.Equal("old", RunMarker.RunIdOf(layout.Partition("gone", s_date.AddDays(-1))));
        Assert.False(Directory.Exists(layout.Staging));
        Assert.False(File.Exists(layout.Journal("new")));
    }

    [Fact]
    public void RollBack_AfterTheStagedTableWentMissing_RestoresThePreviousSet()
    {
        (OutputLayout layout, CommitJournal journal) = Prepare();
        Directory.Move(layout.Partition("a", s_date), Aside(layout, "a"));
        Directory.Delete(layout.Staged("new", "a"), recursive: true);

        var commit = new LocalCommit(layout, journal, NullLogger.Instance);
        Assert.False(commit.CanRollForward);
        commit.RollBack();

        Assert.Equal("old", RunMarker.RunIdOf(layout.Partition("a", s_date)));
        Assert.Equal("old", RunMarker.RunIdOf(layout.Partition("gone", s_date)));
        Assert.False(Directory.Exists(layout.Staging));
        Assert.False(File.Exists(layout.Journal("new")));
    }

    [Fact]
    public void Recover_JournalLeftByAKilledCommit_RollsItForward()
    {
        (OutputLayout layout, _) = Prepare();
        Directory.Move(layout.Partition("a", s_date), Aside(layout, "a"));

        int recovered = CommitRecovery.Recover(layout, NullLogger.Instance);

        Assert.Equal(1, recovered);
        Assert.Equal("new", RunMarker.RunIdOf(layout.Partition("a", s_date)));
        Assert.Equal(0, CommitRecovery.Recover(layout, NullLogger.Instance));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc")]
    [InlineData("clean/../../x")]
    [InlineData("_staging")]
    [InlineData("run_date=2024-03-01")]
    [InlineData("")]
    public void CheckTable_NameThatCouldLeaveTheTableFolders_Throws(string table) =>
        Assert.Throws<ArgumentException>(() => OutputLayout.CheckTable(table));

    [Fact]
    public void CheckInside_PathOutsideOrEqualToTheFolder_Throws()
    {
        var layout = new OutputLayout(RepoPaths.NewTempDir("layout"));

        Assert.Throws<InvalidOperationException>(() => layout.CheckInside(layout.Root, layout.Root));
        Assert.Throws<InvalidOperationException>(() => layout.CheckInside(layout.Root + "/../other", layout.Root));
        Assert.Throws<InvalidOperationException>(() => layout.CheckInside(layout.Staging + "/..", layout.Staging));
        Assert.Throws<InvalidOperationException>(() => layout.CheckInside(layout.Root + "-sibling/x", layout.Root));
        Assert.Equal(Path.GetFullPath(layout.RunStaging("r")), layout.CheckInside(layout.RunStaging("r"), layout.Staging));
    }

    [Fact]
    public void Sweep_LeftoversOfDeadRuns_AreRemovedAndALegacyAsideRestored()
    {
        (OutputLayout layout, _) = Prepare();
        File.Delete(layout.Journal("new"));
        string table = layout.Table("a");
        Directory.CreateDirectory(Path.Combine(table, ".spark-staging-123"));
        Directory.Move(layout.Partition("gone", s_date), Path.Combine(layout.Table("gone"), "_replaced-old-run_date=2024-03-01"));

        IReadOnlyList<string> removed = OutputSweeper.Sweep(layout, "current", NullLogger.Instance);

        Assert.Equal(2, removed.Count);
        Assert.False(Directory.Exists(layout.Staging + "/new"));
        Assert.False(Directory.Exists(Path.Combine(table, ".spark-staging-123")));
        Assert.Equal("old", RunMarker.RunIdOf(layout.Partition("gone", s_date)));
        Assert.Equal("old", RunMarker.RunIdOf(layout.Partition("a", s_date)));
    }

    /// <summary>An output where run "old" published tables a and gone (and gone for the day before), and run "new" staged a
    /// and journalled: replace a, remove gone.</summary>
    private static (OutputLayout Layout, CommitJournal Journal) Prepare()
    {
        var layout = new OutputLayout(RepoPaths.NewTempDir("commit"));
        Partition(layout.Partition("a", s_date), "old", "a");
        Partition(layout.Partition("gone", s_date), "old", "gone");
        Partition(layout.Partition("gone", s_date.AddDays(-1)), "old", "gone");
        Partition(layout.Staged("new", "a"), "new", "a");
        var journal = new CommitJournal("new", "test", s_date, [new CommitEntry("a", CommitAction.Replace), new CommitEntry("gone", CommitAction.Remove)]);
        journal.Write(layout.Journal("new"));
        return (layout, journal);
    }

    private static void Partition(string folder, string runId, string table)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "part-0.parquet"), runId);
        new RunMarker(runId, "test", table, s_date, DateTimeOffset.UtcNow).WriteInto(folder);
    }

    private static string Aside(OutputLayout layout, string table)
    {
        string aside = layout.Aside("new", table);
        Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
        return aside;
    }
}
