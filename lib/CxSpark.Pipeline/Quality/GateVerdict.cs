namespace CxSpark.Pipeline.Quality;

/// <summary>One gate's verdict on one table, written to the manifest's <c>quality</c> list.</summary>
/// <param name="Gate">The gate (<c>clean_rows</c>, <c>quarantine_share</c>, <c>nothing_to_profile</c>).</param>
/// <param name="Table">The input table.</param>
/// <param name="Value">This run's value.</param>
/// <param name="Baseline">The median over the baseline runs, or null without history.</param>
/// <param name="Limit">The limit the value was held to, or null without history.</param>
/// <param name="BaselineRuns">How many earlier runs the baseline has.</param>
/// <param name="Action">What a failure does.</param>
/// <param name="Passed">Whether the value is within the limit (true without history).</param>
/// <param name="Message">One sentence for the log.</param>
public sealed record GateVerdict(string Gate, string Table, double Value, double? Baseline, double? Limit, int BaselineRuns, GateAction Action, bool Passed, string Message)
{
    /// <summary>Whether this verdict stops the run.</summary>
    public bool Blocks => !Passed && Action == GateAction.Fail;
}
