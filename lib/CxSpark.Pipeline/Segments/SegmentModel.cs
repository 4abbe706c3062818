using CxSpark.Connect.ML.Clustering;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using Microsoft.Extensions.Logging;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Segments;

/// <summary>
/// Spark MLlib KMeans on standardised <see cref="SegmentFeatures"/> of the customer profiles, k chosen by silhouette
/// over <see cref="SegmentOptions.MinK"/>..<see cref="SegmentOptions.MaxK"/>; holds the chosen model and the cached
/// features until disposed.
/// </summary>
public sealed class SegmentModel : IAsyncDisposable
{
    private readonly KMeansModel _model;
    private readonly DataFrame _features;
    private readonly CacheScope _cache;

    private SegmentModel(KMeansModel model, DataFrame features, CacheScope cache, int k, IReadOnlyDictionary<int, double> silhouettes)
    {
        _model = model;
        _features = features;
        _cache = cache;
        K = k;
        Silhouettes = silhouettes;
    }

    /// <summary>The chosen number of segments.</summary>
    public int K { get; }

    /// <summary>The silhouette of every k tried.</summary>
    public IReadOnlyDictionary<int, double> Silhouettes { get; }

    /// <summary>Each customer's segment (<c>customer_id</c>, <c>segment</c>).</summary>
    public DataFrame Segments => _model.Transform(_features).Select(Col("customer_id"), Col("segment"));

    /// <summary>Fits KMeans for every k of <paramref name="options"/> on the <paramref name="customers"/> profiles and keeps the best silhouette.</summary>
    /// <exception cref="ArgumentException">The k range is not 2 ≤ MinK ≤ MaxK.</exception>
    public static async Task<SegmentModel> FitAsync(DataFrame profiles, long customers, SegmentOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinK, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxK, options.MinK, nameof(options));
        // KMeans samples its initial centres per partition, so the rows' partitioning and order must not depend on how
        // the profiles were written or on the session's shuffle settings: hash by customer into a number of partitions that
        // depends on the customers alone, sorted within each.
        DataFrame ordered = profiles.Repartition(Partitions(customers), Col("customer_id")).SortWithinPartitions(Col("customer_id"));
        DataFrame assembled = new VectorAssembler { InputCols = SegmentFeatures.Columns, OutputCol = "raw_features" }
            .Transform(SegmentFeatures.WithSegmentFeatures(ordered));
        await using StandardScalerModel scaler = await new StandardScaler { InputCol = "raw_features", OutputCol = "features", WithMean = true, WithStd = true }
            .FitAsync(assembled, cancellationToken).ConfigureAwait(false);
        var cache = new CacheScope();
        KMeansModel? best = null;
        try
        {
            // Only the key and the feature vector are cached: each fit reads them once, the silhouettes and the segments too.
            DataFrame features = await cache.CacheAsync(scaler.Transform(assembled).Select(Col("customer_id"), Col("features")), cancellationToken).ConfigureAwait(false);
            var evaluator = new ClusteringEvaluator { FeaturesCol = "features", PredictionCol = "segment" };
            var silhouettes = new SortedDictionary<int, double>();
            int bestK = 0;
            for (int k = options.MinK; k <= options.MaxK; k++)
            {
                // KMeans persists its input's vectors for its iterations unless that input is itself cached; given the
                // cached frame, each of its ~20 passes re-read the cache into vectors (1.7× the time at 1M customers).
                KMeansModel model = await new KMeans { K = k, Seed = 1, FeaturesCol = "features", PredictionCol = "segment" }
                    .FitAsync(features.Select(Col("features")), cancellationToken).ConfigureAwait(false);
                KMeansModel? loser = model;
                try
                {
                    double silhouette = await evaluator.EvaluateAsync(model.Transform(features), cancellationToken).ConfigureAwait(false);
                    silhouettes[k] = silhouette;
                    logger.LogInformation("[segment] k={K} silhouette {Silhouette:F4}", k, silhouette);
                    if (best is null || silhouette > silhouettes[bestK])
                    {
                        (loser, best, bestK) = (best, model, k);
                    }
                }
                finally
                {
                    if (loser is not null)
                    {
                        await loser.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }

            return new SegmentModel(best!, features, cache, bestK, silhouettes);
        }
        catch
        {
            if (best is not null)
            {
                await best.DisposeAsync().ConfigureAwait(false);
            }

            await cache.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The partitions of the KMeans input: at least 8, and about 100,000 customers each.</summary>
    public static int Partitions(long customers) => (int)Math.Max(8, Math.Min(10_000, (customers + 99_999) / 100_000));

    /// <summary>Deletes the model on the server and releases the cached features.</summary>
    public async ValueTask DisposeAsync()
    {
        await _model.DisposeAsync().ConfigureAwait(false);
        await _cache.DisposeAsync().ConfigureAwait(false);
    }
}
