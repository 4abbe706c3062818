using CxSpark.Connect.ML.Clustering;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Configuration;
using CxSpark.Pipeline.Profiles;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Segments;
using Microsoft.Extensions.Logging;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Runs;

/// <summary>The <c>segment</c> job: Spark MLlib KMeans on standardised log-scaled profile features, k chosen by silhouette.</summary>
public static class SegmentRun
{
    /// <summary>The smallest k tried unless configured (<c>Segments:MinK</c>).</summary>
    public const int DefaultMinK = 3;

    /// <summary>The largest k tried unless configured (<c>Segments:MaxK</c>).</summary>
    public const int DefaultMaxK = 8;

    /// <summary>Builds and publishes <c>customer_segments</c> and <c>segment_summary</c>; returns the chosen k.</summary>
    /// <exception cref="PipelineConfigurationException">No profiles were published for the run date.</exception>
    public static Task<int> RunAsync(RunContext context, CancellationToken cancellationToken = default) =>
        context.StageAsync("segment", () => SegmentAsync(context, cancellationToken));

    private static async Task<int> SegmentAsync(RunContext context, CancellationToken cancellationToken)
    {
        context.Publisher.Claim([OutputTables.CustomerSegments, OutputTables.SegmentSummary]);
        DataFrame profiles = await context.Outputs.ReadAsync(OutputTables.CustomerProfiles, cancellationToken).ConfigureAwait(false)
            ?? throw new PipelineConfigurationException("RunDate",
                $"no customer_profiles for {context.Options.RunDate:yyyy-MM-dd} under {context.Options.Output}; run 'profile' for that date first.");
        (int minK, int maxK) = KRange(context.Options);
        // KMeans samples its initial centres per partition, so the rows' partitioning and order must not depend on how
        // the profiles were written or on the session's shuffle settings: hash by customer into a number of partitions that
        // depends on the customers alone, sorted within each.
        long customers = await profiles.CountAsync(cancellationToken).ConfigureAwait(false);
        DataFrame ordered = profiles.Repartition(KMeansPartitions(customers), Col("customer_id")).SortWithinPartitions(Col("customer_id"));
        DataFrame assembled = new VectorAssembler { InputCols = SegmentFeatures.Columns, OutputCol = "raw_features" }
            .Transform(SegmentFeatures.WithSegmentFeatures(ordered));
        await using StandardScalerModel scaler = await new StandardScaler { InputCol = "raw_features", OutputCol = "features", WithMean = true, WithStd = true }
            .FitAsync(assembled, cancellationToken).ConfigureAwait(false);
        // Only the key and the feature vector are cached: each fit reads them once, the silhouettes and the segments too.
        DataFrame features = await scaler.Transform(assembled).Select(Col("customer_id"), Col("features")).CacheAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            KMeansModel? best = null;
            int bestK = 0;
            double bestSilhouette = double.NegativeInfinity;
            var evaluator = new ClusteringEvaluator { FeaturesCol = "features", PredictionCol = "segment" };
            try
            {
                for (int k = minK; k <= maxK; k++)
                {
                    // KMeans persists its input's vectors for its iterations unless that input is itself cached; given the
                    // cached frame, each of its ~20 passes re-read the cache into vectors (1.7× the time at 1M customers).
                    KMeansModel model = await new KMeans { K = k, Seed = 1, FeaturesCol = "features", PredictionCol = "segment" }
                        .FitAsync(features.Select(Col("features")), cancellationToken).ConfigureAwait(false);
                    double silhouette = await evaluator.EvaluateAsync(model.Transform(features), cancellationToken).ConfigureAwait(false);
                    context.Manifest.Metrics[$"segment.silhouette.k{k}"] = Math.Round(silhouette, 6);
                    context.Logger.LogInformation("[segment] k={K} silhouette {Silhouette:F4}", k, silhouette);
                    KMeansModel? loser = model;
                    if (silhouette > bestSilhouette)
                    {
                        (loser, best, bestK, bestSilhouette) = (best, model, k, silhouette);
                    }

                    if (loser is not null)
                    {
                        await loser.DisposeAsync().ConfigureAwait(false);
                    }
                }

                context.Manifest.Metrics["segment.k"] = bestK;
                DataFrame segments = best!.Transform(features).Select(Col("customer_id"), Col("segment"));
                await PublishAsync(context, segments, cancellationToken).ConfigureAwait(false);
                return bestK;
            }
            finally
            {
                if (best is not null)
                {
                    await best.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await features.UnpersistAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task PublishAsync(RunContext context, DataFrame segments, CancellationToken cancellationToken)
    {
        string segmentsPath = await context.Publisher.StageAsync(segments, OutputTables.CustomerSegments, cancellationToken).ConfigureAwait(false);
        DataFrame published = context.Spark.Read().Parquet(segmentsPath).Join(
            (await context.Outputs.ReadAsync(OutputTables.CustomerProfiles, cancellationToken).ConfigureAwait(false))!
                .Select("customer_id", "recency_days", "frequency", "monetary"),
            ["customer_id"], JoinType.Inner);
        Row medians = (await published.Agg(
                Median(Col("recency_days")).Alias("r"), Median(Col("frequency")).Alias("f"), Median(Col("monetary")).Alias("m"), Money.Sum(Col("monetary")).Alias("total"))
            .FirstAsync(cancellationToken).ConfigureAwait(false))!;
        IReadOnlyList<Row> centroids = await published.GroupBy("segment").Agg(
                Count("*").Alias("size"), Money.Sum(Col("monetary")).Alias("revenue"),
                Avg(Col("recency_days")).Alias("centroid_recency_days"), Avg(Col("frequency")).Alias("centroid_frequency"), Money.Avg(Col("monetary")).Alias("centroid_monetary"))
            .OrderBy("segment").CollectAsync(cancellationToken).ConfigureAwait(false);
        double total = medians.Get<double>("total");
        object?[][] summary = centroids.Select(c => new object?[]
        {
            c.GetInt("segment"),
            SegmentFeatures.Name(c.GetDouble("centroid_recency_days"), c.GetDouble("centroid_frequency"), c.GetDouble("centroid_monetary"),
                medians.Get<double>("r"), medians.Get<double>("f"), medians.Get<double>("m")),
            c.GetLong("size"),
            total == 0 ? 0.0 : c.Get<double>("revenue") / total,
            c.GetDouble("centroid_recency_days"),
            c.GetDouble("centroid_frequency"),
            c.GetDouble("centroid_monetary"),
        }).ToArray();
        DataFrame summaryFrame = context.Spark.CreateDataFrame(summary,
            "segment INT, segment_name STRING, size BIGINT, revenue_share DOUBLE, centroid_recency_days DOUBLE, centroid_frequency DOUBLE, centroid_monetary DOUBLE");
        await context.PublishAsync(summaryFrame, OutputTables.SegmentSummary, cancellationToken).ConfigureAwait(false);
        context.Manifest.RowCounts["segment.customers"] = summary.Sum(s => (long)s[2]!);
        context.Logger.LogInformation("[segment] {K} segments of {Customers} customers", summary.Length, summary.Sum(s => (long)s[2]!));
    }

    /// <summary>The partitions of the KMeans input: at least 8, and about 100,000 customers each.</summary>
    public static int KMeansPartitions(long customers) => (int)Math.Max(8, Math.Min(10_000, (customers + 99_999) / 100_000));

    private static (int Min, int Max) KRange(PipelineOptions options)
    {
        int min = options.SegmentsMinK ?? DefaultMinK;
        int max = options.SegmentsMaxK ?? DefaultMaxK;
        return min >= 2 && max >= min
            ? (min, max)
            : throw new PipelineConfigurationException("Segments:MinK", $"the k range {min}..{max} must have 2 <= MinK <= MaxK.");
    }
}
