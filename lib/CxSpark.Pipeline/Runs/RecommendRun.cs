using System.Globalization;
using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Configuration;
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
    /// <exception cref="PipelineConfigurationException">No clean feedback was published for the run date.</exception>
    public static Task<long> RunAsync(RunContext context, CancellationToken cancellationToken = default) =>
        context.StageAsync("recommend", () => RecommendAsync(context, cancellationToken));

    private static async Task<long> RecommendAsync(RunContext context, CancellationToken cancellationToken)
    {
        RecommendOptions options = context.Options.Recommend;
        context.Publisher.Claim([OutputTables.Recommendations, OutputTables.SimilarProducts]);
        Feedback raw = await LoadFeedbackAsync(context, options, cancellationToken).ConfigureAwait(false);
        (DateTime first, DateTime end) = await raw.SpanAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new PipelineConfigurationException("RunDate", $"the clean {(options.IsExplicit ? "ratings" : "transactions")} of {context.Options.RunDate:yyyy-MM-dd} are empty.");
        TimeSplit split = TimeSplit.Plan(first, end, options);
        context.Logger.LogInformation("[recommend] {Feedback} feedback {First:yyyy-MM-dd}..{End:yyyy-MM-dd}; validation from {Validation:yyyy-MM-dd} ({ValidationDays} d), holdout from {Holdout:yyyy-MM-dd} ({HoldoutDays} d)",
            options.IsExplicit ? "explicit" : "implicit", first, end.AddDays(-1), split.ValidationStart, split.ValidationDays, split.HoldoutStart, split.HoldoutDays);
        context.Manifest.Metrics["recommend.validation_days"] = split.ValidationDays;
        context.Manifest.Metrics["recommend.holdout_days"] = split.HoldoutDays;

        await using IdIndex index = await IdIndex.FitAsync(raw.Strengths(), cancellationToken).ConfigureAwait(false);
        Feedback feedback = await raw.IndexedAsync(index, cancellationToken).ConfigureAwait(false);
        try
        {
            AlsSettings best = await TuneAsync(context, feedback, split, options, cancellationToken).ConfigureAwait(false);
            if (options.Evaluate)
            {
                await EvaluateOnHoldoutAsync(context, feedback, split, best, options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                context.Logger.LogInformation("[recommend] Recommend:Evaluate=false: no holdout fit, no metrics; one fit on all feedback");
            }

            return await PublishAsync(context, feedback, index, split, best, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await feedback.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private static async Task<Feedback> LoadFeedbackAsync(RunContext context, RecommendOptions options, CancellationToken cancellationToken)
    {
        if (options.IsExplicit)
        {
            DataFrame ratings = await context.Outputs.ReadAsync(OutputTables.Clean(InputTables.Ratings.Name), cancellationToken).ConfigureAwait(false)
                ?? throw new PipelineConfigurationException("Recommend:Feedback",
                    $"explicit feedback needs clean ratings for {context.Options.RunDate:yyyy-MM-dd} under {context.Options.Output}; run 'clean' with a ratings table first.");
            return Feedback.Explicit(ratings);
        }

        DataFrame purchases = await context.Outputs.ReadAsync(OutputTables.Clean(InputTables.Transactions.Name), cancellationToken).ConfigureAwait(false)
            ?? throw new PipelineConfigurationException("RunDate",
                $"no clean transactions for {context.Options.RunDate:yyyy-MM-dd} under {context.Options.Output}; run 'clean' for that date first.");
        DataFrame? events = await context.Outputs.ReadAsync(OutputTables.Clean(InputTables.Events.Name), cancellationToken).ConfigureAwait(false);
        return Feedback.Implicit(purchases, events, options);
    }

    /// <summary>Fits every grid point on the data before the validation window and keeps the best precision@k on it.</summary>
    private static async Task<AlsSettings> TuneAsync(RunContext context, Feedback feedback, TimeSplit split, RecommendOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<AlsSettings> grid = AlsSettings.Grid(options);
        if (grid.Count == 0)
        {
            throw new PipelineConfigurationException("Recommend:Ranks", "the ALS grid is empty: configure at least one rank, regParam and alpha.");
        }

        if (grid.Count == 1)
        {
            // Nothing to choose: no validation fit; the holdout still measures the model.
            context.Manifest.Models["recommend.als"] = grid[0].ToManifest(options);
            context.Logger.LogInformation("[recommend] one setting configured ({Settings}): no tuning", grid[0].Label);
            return grid[0];
        }

        await using EvaluationWindow window = await EvaluationWindow.CreateAsync(feedback, split.ValidationStart, split.HoldoutStart, options, cancellationToken).ConfigureAwait(false);
        RankingMetrics baseline = await window.EvaluateAsync(window.Popularity, cancellationToken).ConfigureAwait(false);
        Record(context, "recommend.validation.popularity", baseline, options.TopN);
        Record(context, "recommend.validation.recent_popularity", await window.EvaluateAsync(window.RecentPopularity, cancellationToken).ConfigureAwait(false), options.TopN);
        (AlsSettings Settings, RankingMetrics Metrics)? best = null;
        foreach (AlsSettings settings in grid)
        {
            DataFrame strengths = await window.StrengthsAsync(settings.DecayDays, cancellationToken).ConfigureAwait(false);
            await using ALSModel model = await settings.FitAsync(strengths, options, cancellationToken).ConfigureAwait(false);
            RankingMetrics metrics = await window.EvaluateAsync(model, cancellationToken).ConfigureAwait(false);
            Record(context, "recommend.validation." + settings.Label, metrics, options.TopN);
            context.Logger.LogInformation("[recommend] validation {Settings}: precision@{K} {Precision:F4} (popularity {Baseline:F4}), ndcg {Ndcg:F4}, {Users} users",
                settings.Label, options.TopN, metrics.Precision, baseline.Precision, metrics.Ndcg, metrics.Users);
            if (best is null || metrics.Precision > best.Value.Metrics.Precision
                || (metrics.Precision == best.Value.Metrics.Precision && metrics.Ndcg > best.Value.Metrics.Ndcg))
            {
                best = (settings, metrics);
            }
        }

        context.Manifest.Models["recommend.als"] = best!.Value.Settings.ToManifest(options);
        context.Logger.LogInformation("[recommend] chose {Settings} on the validation window", best.Value.Settings.Label);
        return best.Value.Settings;
    }

    /// <summary>Fits the chosen settings on everything before the holdout and compares with popularity on it.</summary>
    private static async Task EvaluateOnHoldoutAsync(
        RunContext context, Feedback feedback, TimeSplit split, AlsSettings settings, RecommendOptions options, CancellationToken cancellationToken)
    {
        await using EvaluationWindow window = await EvaluationWindow.CreateAsync(feedback, split.HoldoutStart, split.End, options, cancellationToken).ConfigureAwait(false);
        DataFrame strengths = await window.StrengthsAsync(settings.DecayDays, cancellationToken).ConfigureAwait(false);
        await using ALSModel model = await settings.FitAsync(strengths, options, cancellationToken).ConfigureAwait(false);
        RankingMetrics als = await window.EvaluateAsync(model, cancellationToken).ConfigureAwait(false);
        RankingMetrics popularity = await window.EvaluateAsync(window.Popularity, cancellationToken).ConfigureAwait(false);
        RankingMetrics recent = await window.EvaluateAsync(window.RecentPopularity, cancellationToken).ConfigureAwait(false);
        Record(context, "recommend.holdout.als", als, options.TopN);
        Record(context, "recommend.holdout.popularity", popularity, options.TopN);
        Record(context, "recommend.holdout.recent_popularity", recent, options.TopN);
        if (recent.Precision > 0)
        {
            context.Manifest.Metrics[$"recommend.holdout.precision_at_{options.TopN}_lift_over_recent"] = Math.Round(als.Precision / recent.Precision, 4);
        }
        double lift = popularity.Precision == 0 ? double.PositiveInfinity : als.Precision / popularity.Precision;
        if (double.IsFinite(lift))
        {
            context.Manifest.Metrics[$"recommend.holdout.precision_at_{options.TopN}_lift"] = Math.Round(lift, 4);
        }

        if (options.IsExplicit)
        {
            context.Manifest.Metrics["recommend.holdout.als.rmse"] = Math.Round(await window.RmseAsync(model, cancellationToken).ConfigureAwait(false), 6);
        }

        context.Logger.LogInformation("[recommend] holdout ({Users} users): precision@{K} {Precision:F4} vs popularity {Baseline:F4} ({Lift:F2}x) and recent popularity {Recent:F4}; recall {Recall:F4} vs {BaselineRecall:F4}; ndcg {Ndcg:F4} vs {BaselineNdcg:F4}",
            als.Users, options.TopN, als.Precision, popularity.Precision, lift, recent.Precision, als.Recall, popularity.Recall, als.Ndcg, popularity.Ndcg);
    }

    private static void Record(RunContext context, string prefix, RankingMetrics metrics, int k)
    {
        context.Manifest.Metrics[$"{prefix}.precision_at_{k}"] = Math.Round(metrics.Precision, 6);
        context.Manifest.Metrics[$"{prefix}.recall_at_{k}"] = Math.Round(metrics.Recall, 6);
        context.Manifest.Metrics[$"{prefix}.ndcg_at_{k}"] = Math.Round(metrics.Ndcg, 6);
        context.Manifest.Metrics[$"{prefix}.coverage"] = Math.Round(metrics.Coverage, 6);
        context.Manifest.Metrics[$"{prefix}.users"] = metrics.Users;
    }

    /// <summary>Refits on all feedback and publishes recommendations for every customer, and similar products.</summary>
    private static async Task<long> PublishAsync(
        RunContext context, Feedback feedback, IdIndex index, TimeSplit split, AlsSettings settings, RecommendOptions options, CancellationToken cancellationToken)
    {
        // The run date and the settings, not the run id: a rerun of the date publishes identical tables.
        string modelVersion = string.Create(CultureInfo.InvariantCulture,
            $"{context.Options.RunDate:yyyy-MM-dd}/als-{(options.IsExplicit ? "explicit" : "implicit")}-{settings.Label}");
        context.Manifest.Models["recommend.als"] = new SortedDictionary<string, string>(settings.ToManifest(options).ToDictionary(), StringComparer.Ordinal)
        {
            ["model_version"] = modelVersion,
        };
        DataFrame candidates = CandidateProducts.Of(feedback, split.End, options);
        DataFrame strengths = await CandidateProducts.Restrict(feedback.Strengths(until: split.End, decayDays: settings.DecayDays), candidates)
            .CacheAsync(cancellationToken).ConfigureAwait(false);
        DataFrame? users = null;
        try
        {
            await using ALSModel model = await settings.FitAsync(strengths, options, cancellationToken).ConfigureAwait(false);
            // Read several times (the largest history, light and heavy customers, the ranking): cached.
            users = await CandidateRanking.WithHistory(index.Customers, feedback.Known())
                .CacheAsync(cancellationToken).ConfigureAwait(false);
            await using Popularity popularity = await Popularity.FromKnownAsync(
                feedback.Known(split.End.AddDays(-options.PopularityDays), split.End), cancellationToken).ConfigureAwait(false);
            long maxKnown = await CandidateRanking.MaxKnownAsync(users, cancellationToken).ConfigureAwait(false);
            DataFrame ranked = Recommender.Recommend(model, users, maxKnown, popularity, options.TopN);
            DataFrame recommendations = index.Unindex(ranked);
            DataFrame? newcomers = await NewcomersAsync(context, index, popularity, options, cancellationToken).ConfigureAwait(false);
            if (newcomers is not null)
            {
                recommendations = recommendations.UnionByName(newcomers);
            }

            string path = await context.Publisher.StageAsync(
                recommendations.Select(Col("customer_id"), Col("rank"), Col("product_id"), Col("score"), Col("source"), Lit(modelVersion).Alias("model_version")),
                OutputTables.Recommendations, cancellationToken).ConfigureAwait(false);
            Row counts = (await context.Spark.Read().Parquet(path).Agg(
                    Count("*").Alias("rows"), CountDistinct(Col("customer_id")).Alias("customers"),
                    CountIf(Col("source") == "popularity").Alias("popularity_rows"), CountDistinct(Col("product_id")).Alias("products"))
                .FirstAsync(cancellationToken).ConfigureAwait(false))!;
            context.Manifest.RowCounts["recommend.rows"] = counts.GetLong("rows");
            context.Manifest.RowCounts["recommend.customers"] = counts.GetLong("customers");
            context.Manifest.RowCounts["recommend.popularity_rows"] = counts.GetLong("popularity_rows");
            long catalogue = await index.Products.CountAsync(cancellationToken).ConfigureAwait(false);
            context.Manifest.Metrics["recommend.coverage"] = catalogue == 0 ? 0 : Math.Round((double)counts.GetLong("products") / catalogue, 6);
            context.Logger.LogInformation("[recommend] {Rows} recommendations for {Customers} customers ({Fallback} from popularity)",
                counts.GetLong("rows"), counts.GetLong("customers"), counts.GetLong("popularity_rows"));

            if (options.SimilarProducts > 0)
            {
                await PublishSimilarProductsAsync(context, model, index, modelVersion, options, cancellationToken).ConfigureAwait(false);
            }

            return counts.GetLong("rows");
        }
        finally
        {
            if (users is not null)
            {
                await users.UnpersistAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }

            await strengths.UnpersistAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Customers of the clean customers table without any feedback: served from popularity alone.</summary>
    private static async Task<DataFrame?> NewcomersAsync(RunContext context, IdIndex index, Popularity popularity, RecommendOptions options, CancellationToken cancellationToken)
    {
        DataFrame? customers = await context.Outputs.ReadAsync(OutputTables.Clean(InputTables.Customers.Name), cancellationToken).ConfigureAwait(false);
        if (customers is null)
        {
            return null;
        }

        return customers.Select("customer_id").Distinct()
            .Join(index.Customers, ["customer_id"], JoinType.LeftAnti)
            .CrossJoin(popularity.Top(options.TopN).Hint("broadcast"))
            .WithColumn("rank", RowNumber().Over(Window.PartitionBy("customer_id").OrderBy(Col("score").Desc(), Col("item"))))
            .Join(index.Products.Hint("broadcast"), ["item"], JoinType.Inner)
            .Select(Col("customer_id"), Col("product_id"), Col("score").Cast("DOUBLE").Alias("score"), Lit("popularity").Alias("source"), Col("rank"));
    }

    private static async Task PublishSimilarProductsAsync(
        RunContext context, ALSModel model, IdIndex index, string modelVersion, RecommendOptions options, CancellationToken cancellationToken)
    {
        DataFrame similar = SimilarProducts.Build(model, options.SimilarProducts)
            .Join(index.Products.Hint("broadcast"), ["item"], JoinType.Inner)
            .Join(index.Products.Select(Col("item").Alias("similar_item"), Col("product_id").Alias("similar_product_id")).Hint("broadcast"), ["similar_item"], JoinType.Inner)
            .Select(Col("product_id"), Col("rank"), Col("similar_product_id"), Col("similarity"), Lit(modelVersion).Alias("model_version"));
        long rows = await context.PublishAsync(similar, OutputTables.SimilarProducts, cancellationToken).ConfigureAwait(false);
        context.Manifest.RowCounts["recommend.similar_products"] = rows;
        context.Logger.LogInformation("[recommend] {Rows} similar-product rows", rows.ToString(CultureInfo.InvariantCulture));
    }
}
