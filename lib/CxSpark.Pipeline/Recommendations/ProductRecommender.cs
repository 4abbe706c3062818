using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>
/// The published model: ALS refitted with the chosen settings on all feedback up to the split's end, with what its
/// top-N lists and similar products read (cached) until disposed.
/// </summary>
public sealed class ProductRecommender : IAsyncDisposable
{
    private readonly ALSModel _model;
    private readonly CacheScope _cache;
    private readonly IdIndex _index;
    private readonly DataFrame _users;
    private readonly long _maxKnown;
    private readonly string _modelVersion;

    private ProductRecommender(ALSModel model, CacheScope cache, IdIndex index, DataFrame users, long maxKnown, Popularity popularity, string modelVersion)
    {
        _model = model;
        _cache = cache;
        _index = index;
        _users = users;
        _maxKnown = maxKnown;
        Popularity = popularity;
        _modelVersion = modelVersion;
    }

    /// <summary>The fallback ranking: products by distinct buyers in the last <see cref="RecommendOptions.PopularityDays"/>.</summary>
    public Popularity Popularity { get; }

    /// <summary>Fits the model on <paramref name="feedback"/> before <paramref name="end"/>, restricted to the candidate products.</summary>
    /// <param name="feedback">The indexed feedback.</param>
    /// <param name="index">The ids of <paramref name="feedback"/>.</param>
    /// <param name="end">The end (exclusive) of the training data.</param>
    /// <param name="settings">The chosen ALS settings.</param>
    /// <param name="options">The stage's options.</param>
    /// <param name="modelVersion">The version written beside every row.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    public static async Task<ProductRecommender> FitAsync(
        Feedback feedback, IdIndex index, DateTime end, AlsSettings settings, RecommendOptions options, string modelVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var cache = new CacheScope();
        ALSModel? model = null;
        try
        {
            DataFrame candidates = CandidateProducts.Of(feedback, end, options.CandidateDays, options.CandidateProducts);
            DataFrame strengths = await cache.CacheAsync(
                CandidateProducts.Restrict(feedback.Strengths(until: end, decayDays: settings.DecayDays), candidates), cancellationToken).ConfigureAwait(false);
            model = await settings.FitAsync(strengths, options, cancellationToken).ConfigureAwait(false);
            // Read several times (the largest history, light and heavy customers, the ranking): cached.
            DataFrame users = await cache.CacheAsync(CandidateRanking.WithHistory(index.Customers, feedback.Known()), cancellationToken).ConfigureAwait(false);
            Popularity popularity = await Popularity.FromKnownAsync(
                feedback.Known(end.AddDays(-options.PopularityDays), end), cache, cancellationToken).ConfigureAwait(false);
            long maxKnown = await CandidateRanking.MaxKnownAsync(users, cancellationToken).ConfigureAwait(false);
            return new ProductRecommender(model, cache, index, users, maxKnown, popularity, modelVersion);
        }
        catch
        {
            if (model is not null)
            {
                await model.DisposeAsync().ConfigureAwait(false);
            }

            await cache.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The top <paramref name="topN"/> products of every indexed customer, and of every customer of <paramref name="customers"/>
    /// without feedback (<see cref="Newcomers"/>): <c>customer_id</c>, <c>rank</c>, <c>product_id</c>, <c>score</c>,
    /// <c>source</c>, <c>model_version</c>.
    /// </summary>
    public DataFrame Recommendations(int topN, DataFrame? customers)
    {
        DataFrame recommendations = _index.Unindex(Recommender.Recommend(_model, _users, _maxKnown, Popularity, topN));
        if (customers is not null)
        {
            recommendations = recommendations.UnionByName(Newcomers.Recommend(customers, _index, Popularity, topN));
        }

        return recommendations.Select(Col("customer_id"), Col("rank"), Col("product_id"), Col("score"), Col("source"), Lit(_modelVersion).Alias("model_version"));
    }

    /// <summary>
    /// The <paramref name="count"/> nearest products of every product (<see cref="SimilarProducts"/>): <c>product_id</c>,
    /// <c>rank</c>, <c>similar_product_id</c>, <c>similarity</c>, <c>model_version</c>.
    /// </summary>
    public DataFrame Similar(int count) =>
        SimilarProducts.Build(_model, count)
            .Join(_index.Products.Hint("broadcast"), ["item"], JoinType.Inner)
            .Join(_index.Products.Select(Col("item").Alias("similar_item"), Col("product_id").Alias("similar_product_id")).Hint("broadcast"), ["similar_item"], JoinType.Inner)
            .Select(Col("product_id"), Col("rank"), Col("similar_product_id"), Col("similarity"), Lit(_modelVersion).Alias("model_version"));

    /// <summary>Deletes the model on the server and releases what it cached.</summary>
    public async ValueTask DisposeAsync()
    {
        await _model.DisposeAsync().ConfigureAwait(false);
        await _cache.DisposeAsync().ConfigureAwait(false);
    }
}
