using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>
/// A time split of the feedback: train on everything before <see cref="TrainUntil"/>, evaluate on the products users
/// newly bought (or rated) in [<see cref="TrainUntil"/>, <see cref="EvaluateUntil"/>).
/// </summary>
/// <remarks>
/// Relevant pairs are those of users with training history, for products they had not bought before (a recommender
/// never suggests known products). Products first sold in the evaluation window stay relevant, so neither the model
/// nor the baseline can reach a recall of 1.
/// </remarks>
public sealed class EvaluationWindow : IAsyncDisposable
{
    private readonly Feedback _feedback;
    private readonly RecommendOptions _options;
    private readonly CacheScope _cache;
    private readonly Dictionary<double, DataFrame> _strengths = [];
    private readonly long _maxKnown;

    private EvaluationWindow(Feedback feedback, RecommendOptions options, CacheScope cache, DateTime trainUntil, DateTime evaluateUntil, DataFrame known,
        DataFrame relevant, DataFrame users, long maxKnown, long catalogueSize, Popularity popularity, Popularity recentPopularity, DataFrame candidates)
    {
        _feedback = feedback;
        _options = options;
        _cache = cache;
        TrainUntil = trainUntil;
        EvaluateUntil = evaluateUntil;
        Known = known;
        Relevant = relevant;
        Users = users;
        _maxKnown = maxKnown;
        CatalogueSize = catalogueSize;
        Popularity = popularity;
        RecentPopularity = recentPopularity;
        Candidates = candidates;
    }

    /// <summary>The end (exclusive) of the training data and the start of the evaluation window.</summary>
    public DateTime TrainUntil { get; }

    /// <summary>The end (exclusive) of the evaluation window.</summary>
    public DateTime EvaluateUntil { get; }

    /// <summary>Known pairs of the training data, cached.</summary>
    public DataFrame Known { get; }

    /// <summary>The relevant (<c>user</c>, <c>item</c>) pairs of the evaluation window, cached.</summary>
    public DataFrame Relevant { get; }

    /// <summary>The evaluated users with their training history (<c>user</c>, <c>known_items</c>, <c>known_count</c>), cached.</summary>
    public DataFrame Users { get; }

    /// <summary>The baseline: products by distinct buyers over all the training data ("most popular"), cached.</summary>
    public Popularity Popularity { get; }

    /// <summary>Products by distinct buyers in the last <see cref="RecommendOptions.PopularityDays"/> of the training data: the fallback, cached.</summary>
    public Popularity RecentPopularity { get; }

    /// <summary>The products the models of this window learn and recommend (<see cref="CandidateProducts"/>), cached.</summary>
    public DataFrame Candidates { get; }

    /// <summary>Products in the training data.</summary>
    public long CatalogueSize { get; }

    /// <summary>
    /// Prepares the split of indexed <paramref name="feedback"/>: the training pairs and the relevant pairs, and the small
    /// tables every evaluation reads several times (users, both popularity rankings, candidate products), all cached.
    /// </summary>
    public static async Task<EvaluationWindow> CreateAsync(
        Feedback feedback, DateTime trainUntil, DateTime evaluateUntil, RecommendOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(options);
        // Released again if a later step fails (a cancelled run): the window owns the scope only once it is returned.
        var cache = new CacheScope();
        try
        {
            DataFrame known = await cache.CacheAsync(feedback.Known(until: trainUntil), cancellationToken).ConfigureAwait(false);
            DataFrame relevant = await cache.CacheAsync(feedback.Known(trainUntil, evaluateUntil)
                .Join(feedback.Signals(until: trainUntil).Select("user").Distinct(), ["user"], JoinType.LeftSemi)
                .Join(known, ["user", "item"], JoinType.LeftAnti), cancellationToken).ConfigureAwait(false);
            DataFrame users = await cache.CacheAsync(CandidateRanking.WithHistory(relevant.Select("user").Distinct(), known), cancellationToken).ConfigureAwait(false);
            long maxKnown = await CandidateRanking.MaxKnownAsync(users, cancellationToken).ConfigureAwait(false);
            long catalogue = await feedback.Signals(until: trainUntil).Select("item").Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
            Popularity popularity = await Popularity.FromKnownAsync(known, cache, cancellationToken).ConfigureAwait(false);
            Popularity recent = await Popularity.FromKnownAsync(feedback.Known(trainUntil.AddDays(-options.PopularityDays), trainUntil), cache, cancellationToken).ConfigureAwait(false);
            DataFrame candidates = await cache.CacheAsync(CandidateProducts.Of(feedback, trainUntil, options.CandidateDays, options.CandidateProducts), cancellationToken).ConfigureAwait(false);
            return new EvaluationWindow(feedback, options, cache, trainUntil, evaluateUntil, known, relevant, users, maxKnown, catalogue, popularity, recent, candidates);
        }
        catch
        {
            await cache.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The training strengths (<c>user</c>, <c>item</c>, <c>strength</c>) of the candidate products with <paramref name="decayDays"/>, cached once per value.</summary>
    public async Task<DataFrame> StrengthsAsync(double decayDays, CancellationToken cancellationToken = default)
    {
        if (!_strengths.TryGetValue(decayDays, out DataFrame? strengths))
        {
            strengths = await _cache.CacheAsync(
                CandidateProducts.Restrict(_feedback.Strengths(until: TrainUntil, decayDays: decayDays), Candidates), cancellationToken).ConfigureAwait(false);
            _strengths[decayDays] = strengths;
        }

        return strengths;
    }

    /// <summary>Ranking metrics of <paramref name="model"/> with popularity fill-in.</summary>
    public Task<RankingMetrics> EvaluateAsync(ALSModel model, CancellationToken cancellationToken = default) =>
        EvaluateAsync(model, RecentPopularity, cancellationToken);

    /// <summary>Ranking metrics of a popularity ranking alone.</summary>
    public Task<RankingMetrics> EvaluateAsync(Popularity popularity, CancellationToken cancellationToken = default) =>
        EvaluateAsync(null, popularity, cancellationToken);

    /// <summary>The root-mean-square error of an explicit model's predictions of the ratings given in the window.</summary>
    public Task<double> RmseAsync(ALSModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        DataFrame actual = _feedback.Strengths(TrainUntil, EvaluateUntil);
        return new RegressionEvaluator { LabelCol = "strength", PredictionCol = "prediction", MetricName = "rmse" }
            .EvaluateAsync(model.Transform(actual), cancellationToken);
    }

    /// <summary>Releases the cached tables.</summary>
    public ValueTask DisposeAsync() => _cache.DisposeAsync();

    private async Task<RankingMetrics> EvaluateAsync(ALSModel? model, Popularity popularity, CancellationToken cancellationToken)
    {
        DataFrame recommendations = Recommender.Recommend(model, Users, _maxKnown, popularity, _options.TopN);
        return await RankingMetrics.ComputeAsync(recommendations, Relevant, _options.TopN, CatalogueSize, cancellationToken).ConfigureAwait(false);
    }
}
