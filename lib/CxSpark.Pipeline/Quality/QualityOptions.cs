namespace CxSpark.Pipeline.Quality;

/// <summary>The data-quality gates a run passes before it publishes (keys <c>Quality:…</c>).</summary>
public sealed record QualityOptions
{
    /// <summary>How many earlier succeeded runs form the baseline (key <c>Quality:History</c>, default 7).</summary>
    public int History { get; init; } = 7;

    /// <summary>What a table whose clean rows fall below <see cref="CleanRowsMinRatio"/> × the baseline median does
    /// (key <c>Quality:CleanRows:Action</c>: <c>fail</c>, <c>warn</c> or <c>off</c>; default fail).</summary>
    public GateAction CleanRowsAction { get; init; } = GateAction.Fail;

    /// <summary>The lowest ratio of clean rows to the baseline median (key <c>Quality:CleanRows:MinRatio</c>, default 0.5).</summary>
    public double CleanRowsMinRatio { get; init; } = 0.5;

    /// <summary>What a table whose quarantine share rises more than <see cref="QuarantineShareMaxRise"/> above the baseline
    /// median does (key <c>Quality:QuarantineShare:Action</c>; default fail).</summary>
    public GateAction QuarantineShareAction { get; init; } = GateAction.Fail;

    /// <summary>The largest rise of the quarantined share of rows in over the baseline median, as a fraction
    /// (key <c>Quality:QuarantineShare:MaxRise</c>, default 0.2: twenty percentage points).</summary>
    public double QuarantineShareMaxRise { get; init; } = 0.2;
}

/// <summary>What a failing gate does.</summary>
public enum GateAction
{
    /// <summary>The run fails before publishing anything (exit 6).</summary>
    Fail,

    /// <summary>The run logs a warning and publishes.</summary>
    Warn,

    /// <summary>The gate is not evaluated.</summary>
    Off,
}
