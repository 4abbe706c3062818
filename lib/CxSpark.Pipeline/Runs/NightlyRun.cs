namespace CxSpark.Pipeline.Runs;

/// <summary>The <c>nightly</c> job: clean, profile, segment and recommend under one run id, stopping at the first failure.</summary>
public static class NightlyRun
{
    /// <summary>Runs every stage in order.</summary>
    /// <exception cref="StageNotAvailableException">After clean, profile and segment: recommend is not available in this build.</exception>
    public static async Task RunAsync(RunContext context, CancellationToken cancellationToken = default)
    {
        await CleanRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await ProfileRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await SegmentRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await UnavailableStage.RunAsync(context, "recommend").ConfigureAwait(false);
    }
}
