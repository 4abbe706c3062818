using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Quality;

namespace CxSpark.Pipeline.Tests.Quality;

public sealed class QualityGatesTests
{
    private static TableCounts Counts(long rowsIn, long clean, long quarantined) =>
        new("transactions", rowsIn, clean, clean, rowsIn - clean - quarantined, quarantined, 0, new Dictionary<string, long> { ["missing_key"] = quarantined });

    private static IReadOnlyDictionary<string, TableCounts> Run(long rowsIn, long clean, long quarantined) =>
        new Dictionary<string, TableCounts> { ["transactions"] = Counts(rowsIn, clean, quarantined) };

    [Fact]
    public void Evaluate_NoHistory_PassesAndSaysSo()
    {
        IReadOnlyList<GateVerdict> verdicts = QualityGates.Evaluate(Run(100, 90, 5), [], new QualityOptions());

        Assert.Equal(["clean_rows", "quarantine_share"], verdicts.Select(v => v.Gate).ToArray());
        Assert.All(verdicts, v => Assert.True(v.Passed));
        Assert.All(verdicts, v => Assert.Null(v.Baseline));
        Assert.Contains("no earlier run", verdicts[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CleanRowsBelowHalfTheMedian_Blocks()
    {
        // Medians: clean rows of 1000, 1100 and 900 -> 1000; the limit is 500.
        IReadOnlyDictionary<string, TableCounts>[] history = [Run(1000, 1000, 0), Run(1100, 1100, 0), Run(900, 900, 0)];

        GateVerdict atLimit = QualityGates.Evaluate(Run(500, 500, 0), history, new QualityOptions())[0];
        GateVerdict below = QualityGates.Evaluate(Run(499, 499, 0), history, new QualityOptions())[0];

        Assert.True(atLimit.Passed);
        Assert.Equal(1000, atLimit.Baseline);
        Assert.Equal(500, atLimit.Limit);
        Assert.False(below.Passed);
        Assert.True(below.Blocks);
        Assert.Contains("below 0.5 × the median 1000 of the last 3 runs", below.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_QuarantineShareRisesOverTwentyPoints_BlocksUnlessWarn()
    {
        IReadOnlyDictionary<string, TableCounts>[] history = [Run(100, 90, 10), Run(100, 90, 10)];

        GateVerdict within = QualityGates.Evaluate(Run(100, 70, 30), history, new QualityOptions())[1];
        GateVerdict over = QualityGates.Evaluate(Run(100, 69, 31), history, new QualityOptions())[1];
        GateVerdict warned = QualityGates.Evaluate(Run(100, 69, 31), history, new QualityOptions { QuarantineShareAction = GateAction.Warn })[1];

        Assert.True(within.Passed);
        Assert.Equal(0.1, within.Baseline);
        Assert.Equal(0.3, within.Limit);
        Assert.False(over.Passed);
        Assert.True(over.Blocks);
        Assert.False(warned.Passed);
        Assert.False(warned.Blocks);
    }

    [Fact]
    public void Evaluate_HistoryLongerThanConfigured_UsesTheNewestRunsOnly()
    {
        // Newest first: the two newest runs have 100 clean rows, the older ones 10,000.
        IReadOnlyDictionary<string, TableCounts>[] history = [Run(100, 100, 0), Run(100, 100, 0), Run(10_000, 10_000, 0), Run(10_000, 10_000, 0), Run(10_000, 10_000, 0)];

        GateVerdict verdict = QualityGates.Evaluate(Run(60, 60, 0), history, new QualityOptions { History = 2, QuarantineShareAction = GateAction.Off }).Single();

        Assert.Equal(100, verdict.Baseline);
        Assert.Equal(2, verdict.BaselineRuns);
        Assert.True(verdict.Passed);
    }
}
