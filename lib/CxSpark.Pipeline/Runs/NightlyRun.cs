namespace CxSpark.Pipeline.Runs;

/// <summary>The <c>nightly</c> job: clean, profile, recommend and segment under one run id, stopping at the first failure.</summary>
public static class NightlyRun
{
    /// <summary>Runs every stage in order.</summary>
    public static async Task RunAsync(RunContext context, CancellationToken cancellationToken = default)
    {
        await CleanRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await ProfileRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await RecommendRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await SegmentRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
