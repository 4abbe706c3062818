using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Segments;
using Microsoft.Extensions.Logging;

namespace CxSpark.Pipeline.Runs;

/// <summary>The <c>segment</c> job: Spark MLlib KMeans on standardised log-scaled profile features, k chosen by silhouette.</summary>
public static class SegmentRun
{
    /// <summary>Builds and publishes <c>customer_segments</c> and <c>segment_summary</c>; returns the chosen k.</summary>
    /// <exception cref="MissingInputException">No profiles were published for the run date.</exception>
    public static Task<int> RunAsync(RunContext context, CancellationToken cancellationToken = default) =>
        context.StageAsync("segment", () => SegmentAsync(context, cancellationToken));

    private static async Task<int> SegmentAsync(RunContext context, CancellationToken cancellationToken)
    {
        context.Publisher.Claim([OutputTables.CustomerSegments, OutputTables.SegmentSummary]);
        DataFrame profiles = await context.Outputs.RequireAsync(OutputTables.CustomerProfiles, "profile", cancellationToken).ConfigureAwait(false);
        long customers = await profiles.CountAsync(cancellationToken).ConfigureAwait(false);
        await using SegmentModel model = await SegmentModel.FitAsync(profiles, customers, context.Options.Segments, context.Logger, cancellationToken).ConfigureAwait(false);
        foreach ((int k, double silhouette) in model.Silhouettes)
        {
            context.Manifest.Metrics[$"segment.silhouette.k{k}"] = Math.Round(silhouette, 6);
        }

        context.Manifest.Metrics["segment.k"] = model.K;
        StagedTable segments = await context.PublishAsync(model.Segments, OutputTables.CustomerSegments, "segment.customers", cancellationToken).ConfigureAwait(false);
        await context.PublishAsync(SegmentSummary.Build(segments.Files, profiles), OutputTables.SegmentSummary, cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Logger.LogInformation("[segment] {K} segments of {Customers} customers", model.K, segments.Rows);
        return model.K;
    }
}
