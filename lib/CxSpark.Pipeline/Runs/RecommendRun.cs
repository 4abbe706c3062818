using System.Globalization;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Recommendations;
using Microsoft.Extensions.Logging;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Runs;

/// <summary>
/// The <c>recommend</c> job: Spark MLlib ALS tuned on a validation window, evaluated on a later holdout against the
/// popularity baseline, then refitted on all feedback to publish top-N recommendations and similar products.
/// </summary>
public static class RecommendRun
{
    /// <summary>Publishes <c>recommendations</c> and <c>similar_products</c>; returns the recommendation row count.</summary>
    /// <exception cref="MissingInputException">No clean feedback was published for the run date, or it is empty.</exception>
    public static Task<long> RunAsync(RunContext context, CancellationToken cancellationToken = default) =>
        context.StageAsync("recommend", () => RecommendAsync(context, cancellationToken));

    private static async Task<long> RecommendAsync(RunContext context, CancellationToken cancellationToken)
    {
        RecommendOptions options = context.Options.Recommend;
        context.Publisher.Claim([OutputTables.Recommendations, OutputTables.SimilarProducts]);
        Feedback raw = await LoadFeedbackAsync(context, options, cancellationToken).ConfigureAwait(false);
        string source = OutputTables.Clean(options.IsExplicit ? InputTables.Ratings.Name : InputTables.Transactions.Name);
        (DateTime first, DateTime end) = await raw.SpanAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new MissingInputException(source, context.Options.RunDate, context.Options.Output, "clean",
                $"the {source} partition of {context.Options.RunDate:yyyy-MM-dd} under {context.Options.Output} is empty: nothing to learn from.");
        TimeSplit split = TimeSplit.Plan(first, end, options.HoldoutDays, options.ValidationDays);
        context.Logger.LogInformation("[recommend] {Feedback} feedback {First:yyyy-MM-dd}..{End:yyyy-MM-dd}; validation from {Validation:yyyy-MM-dd} ({ValidationDays} d), holdout from {Holdout:yyyy-MM-dd} ({HoldoutDays} d)",
            options.IsExplicit ? "explicit" : "implicit", first, end.AddDays(-1), split.ValidationStart, split.ValidationDays, split.HoldoutStart, split.HoldoutDays);
        context.Manifest.Metrics["recommend.validation_days"] = split.ValidationDays;
        context.Manifest.Metrics["recommend.holdout_days"] = split.HoldoutDays;

        await using var cache = new CacheScope();
        IdIndex index = await IdIndex.FitAsync(raw.Strengths(), cache, cancellationToken).ConfigureAwait(false);
        Feedback feedback = await raw.IndexedAsync(index, cache, cancellationToken).ConfigureAwait(false);
        AlsSettings best = await ModelSelection.TuneAsync(feedback, split, options, context.Manifest.Metrics, context.Logger, cancellationToken).ConfigureAwait(false);
        context.Manifest.Models["recommend.als"] = best.ToManifest(options);
        if (options.Evaluate)
        {
            await ModelSelection.EvaluateOnHoldoutAsync(feedback, split, best, options, context.Manifest.Metrics, context.Logger, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            context.Logger.LogInformation("[recommend] Recommend:Evaluate=false: no holdout fit, no metrics; one fit on all feedback");
        }

        // The run date and the settings, not the run id: a rerun of the date publishes identical tables.
        string modelVersion = string.Create(CultureInfo.InvariantCulture,
            $"{context.Options.RunDate:yyyy-MM-dd}/als-{(options.IsExplicit ? "explicit" : "implicit")}-{best.Label}");
        context.Manifest.Models["recommend.als"] = new SortedDictionary<string, string>(best.ToManifest(options).ToDictionary(), StringComparer.Ordinal)
        {
            ["model_version"] = modelVersion,
        };
        await using ProductRecommender recommender = await ProductRecommender.FitAsync(feedback, index, split.End, best, options, modelVersion, cancellationToken).ConfigureAwait(false);
        DataFrame? customers = await context.Outputs.ReadAsync(OutputTables.Clean(InputTables.Customers.Name), cancellationToken).ConfigureAwait(false);
        StagedTable recommendations = await context.PublishAsync(
            recommender.Recommendations(options.TopN, customers), OutputTables.Recommendations, "recommend.rows", cancellationToken).ConfigureAwait(false);
        await RecordCoverageAsync(context, recommendations, index, cancellationToken).ConfigureAwait(false);
        if (options.SimilarProducts > 0)
        {
            await context.PublishAsync(recommender.Similar(options.SimilarProducts), OutputTables.SimilarProducts, "recommend.similar_products", cancellationToken).ConfigureAwait(false);
        }

        return recommendations.Rows;
    }

    private static async Task<Feedback> LoadFeedbackAsync(RunContext context, RecommendOptions options, CancellationToken cancellationToken)
    {
        OutputReader outputs = context.Outputs;
        if (options.IsExplicit)
        {
            return Feedback.Explicit(await outputs.RequireAsync(OutputTables.Clean(InputTables.Ratings.Name), "clean (with a ratings table)", cancellationToken).ConfigureAwait(false));
        }

        DataFrame purchases = await outputs.RequireAsync(OutputTables.Clean(InputTables.Transactions.Name), "clean", cancellationToken).ConfigureAwait(false);
        DataFrame? events = await outputs.ReadAsync(OutputTables.Clean(InputTables.Events.Name), cancellationToken).ConfigureAwait(false);
        return Feedback.Implicit(purchases, events, options.EventWeights);
    }

    /// <summary>Records who the staged recommendations reach and how much of the catalogue they cover.</summary>
    private static async Task RecordCoverageAsync(RunContext context, StagedTable recommendations, IdIndex index, CancellationToken cancellationToken)
    {
        Row counts = (await recommendations.Files.Agg(
                CountDistinct(Col("customer_id")).Alias("customers"), CountIf(Col("source") == "popularity").Alias("popularity_rows"),
                CountDistinct(Col("product_id")).Alias("products"))
            .FirstAsync(cancellationToken).ConfigureAwait(false))!;
        context.Manifest.RowCounts["recommend.customers"] = counts.GetLong("customers");
        context.Manifest.RowCounts["recommend.popularity_rows"] = counts.GetLong("popularity_rows");
        long catalogue = await index.Products.CountAsync(cancellationToken).ConfigureAwait(false);
        context.Manifest.Metrics["recommend.coverage"] = catalogue == 0 ? 0 : Math.Round((double)counts.GetLong("products") / catalogue, 6);
        context.Logger.LogInformation("[recommend] {Rows} recommendations for {Customers} customers ({Fallback} from popularity)",
            recommendations.Rows, counts.GetLong("customers"), counts.GetLong("popularity_rows"));
    }
}
