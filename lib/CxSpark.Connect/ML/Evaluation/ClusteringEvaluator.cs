namespace CxSpark.Connect.ML.Evaluation;

/// <summary>The silhouette of a clustering, as <c>org.apache.spark.ml.evaluation.ClusteringEvaluator</c>.</summary>
/// <remarks>
/// Spark's default distance is <c>squaredEuclidean</c>: a point's <c>a</c> and <c>b</c> are mean squared Euclidean
/// distances to its own and to the nearest other cluster, and the metric is the mean of <c>(b - a) / max(a, b)</c>
/// over all points (0 for a point alone in its cluster).
/// </remarks>
public sealed class ClusteringEvaluator : Evaluator
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public ClusteringEvaluator()
        : base(null)
    {
    }

    /// <summary>Gets or sets the metric (<c>metricName</c>: only <c>silhouette</c>).</summary>
    [SparkParam("metricName")]
    public string? MetricName { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("silhouette")); }

    /// <summary>Gets or sets the distance (<c>distanceMeasure</c>: <c>squaredEuclidean</c>, the default, or <c>cosine</c>).</summary>
    [SparkParam("distanceMeasure")]
    public string? DistanceMeasure { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("squaredEuclidean", "cosine")); }

    /// <summary>Gets or sets the features column (<c>featuresCol</c>, default <c>features</c>).</summary>
    [SparkParam("featuresCol")]
    public string? FeaturesCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the prediction column (<c>predictionCol</c>, default <c>prediction</c>).</summary>
    [SparkParam("predictionCol")]
    public string? PredictionCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the instance weight column (<c>weightCol</c>).</summary>
    [SparkParam("weightCol")]
    public string? WeightCol { get => GetObject<string>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.evaluation.ClusteringEvaluator";
}
