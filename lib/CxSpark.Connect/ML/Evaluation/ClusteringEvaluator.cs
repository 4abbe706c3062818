namespace CxSpark.Connect.ML.Evaluation;

/// <summary>The silhouette of a clustering, as <c>org.apache.spark.ml.evaluation.ClusteringEvaluator</c>.</summary>
/// <remarks>
/// Spark's default distance is <c>squaredEuclidean</c>: a point's <c>a</c> and <c>b</c> are mean squared Euclidean
/// distances to its own and to the nearest other cluster, and the metric is the mean of <c>(b - a) / max(a, b)</c>
/// over all points (0 for a point alone in its cluster).
/// </remarks>
public sealed partial class ClusteringEvaluator : Evaluator
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public ClusteringEvaluator()
        : base(null)
    {
    }

    /// <summary>Gets or sets the metric (<c>metricName</c>: only <c>silhouette</c>).</summary>
    [SparkParam("metricName")]
    public string? MetricName { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("silhouette")); }

    internal override string ClassName => "org.apache.spark.ml.evaluation.ClusteringEvaluator";
}
