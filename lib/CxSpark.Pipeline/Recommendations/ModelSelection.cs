using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Configuration;
using Microsoft.Extensions.Logging;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>
/// Chooses ALS settings on the validation window and measures the choice on the holdout, against the popularity
/// baselines; every metric goes to the given sink under <c>recommend.validation.…</c> and <c>recommend.holdout.…</c>.
/// </summary>
public static class ModelSelection
{
    /// <summary>Fits every grid point on the data before the validation window and keeps the best precision@k on it.</summary>
    /// <exception cref="PipelineConfigurationException">The grid is empty.</exception>
    public static async Task<AlsSettings> TuneAsync(
        Feedback feedback, TimeSplit split, RecommendOptions options, IDictionary<string, double> sink, ILogger logger, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AlsSettings> grid = AlsSettings.Grid(options);
        if (grid.Count == 0)
        {
            throw new PipelineConfigurationException("Recommend:Ranks", "the ALS grid is empty: configure at least one rank, regParam and alpha.");
        }

        if (grid.Count == 1)
        {
            // Nothing to choose: no validation fit; the holdout still measures the model.
            logger.LogInformation("[recommend] one setting configured ({Settings}): no tuning", grid[0].Label);
            return grid[0];
        }

        await using EvaluationWindow window = await EvaluationWindow.CreateAsync(feedback, split.ValidationStart, split.HoldoutStart, options, cancellationToken).ConfigureAwait(false);
        RankingMetrics baseline = await window.EvaluateAsync(window.Popularity, cancellationToken).ConfigureAwait(false);
        Record(sink, "recommend.validation.popularity", baseline, options.TopN);
        Record(sink, "recommend.validation.recent_popularity", await window.EvaluateAsync(window.RecentPopularity, cancellationToken).ConfigureAwait(false), options.TopN);
        (AlsSettings Settings, RankingMetrics Metrics)? best = null;
        foreach (AlsSettings settings in grid)
        {
            DataFrame strengths = await window.StrengthsAsync(settings.DecayDays, cancellationToken).ConfigureAwait(false);
            await using ALSModel model = await settings.FitAsync(strengths, options, cancellationToken).ConfigureAwait(false);
            RankingMetrics metrics = await window.EvaluateAsync(model, cancellationToken).ConfigureAwait(false);
            Record(sink, "recommend.validation." + settings.Label, metrics, options.TopN);
            logger.LogInformation("[recommend] validation {Settings}: precision@{K} {Precision:F4} (popularity {Baseline:F4}), ndcg {Ndcg:F4}, {Users} users",
                settings.Label, options.TopN, metrics.Precision, baseline.Precision, metrics.Ndcg, metrics.Users);
            if (best is null || metrics.Precision > best.Value.Metrics.Precision
                || (metrics.Precision == best.Value.Metrics.Precision && metrics.Ndcg > best.Value.Metrics.Ndcg))
            {
                best = (settings, metrics);
            }
        }

        logger.LogInformation("[recommend] chose {Settings} on the validation window", best!.Value.Settings.Label);
        return best.Value.Settings;
    }

    /// <summary>Fits the chosen settings on everything before the holdout and compares with popularity on it.</summary>
    public static async Task EvaluateOnHoldoutAsync(
        Feedback feedback, TimeSplit split, AlsSettings settings, RecommendOptions options, IDictionary<string, double> sink, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        await using EvaluationWindow window = await EvaluationWindow.CreateAsync(feedback, split.HoldoutStart, split.End, options, cancellationToken).ConfigureAwait(false);
        DataFrame strengths = await window.StrengthsAsync(settings.DecayDays, cancellationToken).ConfigureAwait(false);
        await using ALSModel model = await settings.FitAsync(strengths, options, cancellationToken).ConfigureAwait(false);
        RankingMetrics als = await window.EvaluateAsync(model, cancellationToken).ConfigureAwait(false);
        RankingMetrics popularity = await window.EvaluateAsync(window.Popularity, cancellationToken).ConfigureAwait(false);
        RankingMetrics recent = await window.EvaluateAsync(window.RecentPopularity, cancellationToken).ConfigureAwait(false);
        Record(sink, "recommend.holdout.als", als, options.TopN);
        Record(sink, "recommend.holdout.popularity", popularity, options.TopN);
        Record(sink, "recommend.holdout.recent_popularity", recent, options.TopN);
        if (recent.Precision > 0)
        {
            sink[$"recommend.holdout.precision_at_{options.TopN}_lift_over_recent"] = Math.Round(als.Precision / recent.Precision, 4);
        }

        double lift = popularity.Precision == 0 ? double.PositiveInfinity : als.Precision / popularity.Precision;
        if (double.IsFinite(lift))
        {
            sink[$"recommend.holdout.precision_at_{options.TopN}_lift"] = Math.Round(lift, 4);
        }

        if (options.IsExplicit)
        {
            sink["recommend.holdout.als.rmse"] = Math.Round(await window.RmseAsync(model, cancellationToken).ConfigureAwait(false), 6);
        }

        logger.LogInformation("[recommend] holdout ({Users} users): precision@{K} {Precision:F4} vs popularity {Baseline:F4} ({Lift:F2}x) and recent popularity {Recent:F4}; recall {Recall:F4} vs {BaselineRecall:F4}; ndcg {Ndcg:F4} vs {BaselineNdcg:F4}",
            als.Users, options.TopN, als.Precision, popularity.Precision, lift, recent.Precision, als.Recall, popularity.Recall, als.Ndcg, popularity.Ndcg);
    }

    private static void Record(IDictionary<string, double> sink, string prefix, RankingMetrics metrics, int k)
    {
        sink[$"{prefix}.precision_at_{k}"] = Math.Round(metrics.Precision, 6);
        sink[$"{prefix}.recall_at_{k}"] = Math.Round(metrics.Recall, 6);
        sink[$"{prefix}.ndcg_at_{k}"] = Math.Round(metrics.Ndcg, 6);
        sink[$"{prefix}.coverage"] = Math.Round(metrics.Coverage, 6);
        sink[$"{prefix}.users"] = metrics.Users;
    }
}
