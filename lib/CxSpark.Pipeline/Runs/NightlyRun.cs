using CxSpark.Pipeline.Caching;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Publishing;

namespace CxSpark.Pipeline.Runs;

/// <summary>The <c>nightly</c> job: clean, profile, recommend and segment under one run id, stopping at the first failure.</summary>
public static class NightlyRun
{
    /// <summary>Runs every stage in order.</summary>
    /// <remarks>
    /// The clean transactions, read by both profile and recommend, stay in Spark's cache between the two and are released
    /// before segment.
    /// </remarks>
    public static async Task RunAsync(RunContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await CleanRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await using (var cache = new CacheScope())
        {
            await context.Outputs.PersistAsync(OutputTables.Clean(InputTables.Transactions.Name), cache, cancellationToken).ConfigureAwait(false);
            await ProfileRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
            await RecommendRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }

        await SegmentRun.RunAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
