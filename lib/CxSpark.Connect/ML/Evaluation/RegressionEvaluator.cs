namespace CxSpark.Connect.ML.Evaluation;

/// <summary>Regression metrics of a prediction column against a label column, as <c>org.apache.spark.ml.evaluation.RegressionEvaluator</c>.</summary>
/// <remarks>Rows with a NaN prediction (ALS cold start with <c>nan</c>) make the metric NaN; use <c>coldStartStrategy = "drop"</c>.</remarks>
public sealed partial class RegressionEvaluator : Evaluator
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public RegressionEvaluator()
        : base(null)
    {
    }

    /// <summary>Gets or sets the metric (<c>metricName</c>: <c>rmse</c>, the default, <c>mse</c>, <c>r2</c>, <c>mae</c> or <c>var</c>).</summary>
    [SparkParam("metricName")]
    public string? MetricName { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("rmse", "mse", "r2", "mae", "var")); }

    /// <summary>Gets or sets whether r2 assumes a regression through the origin (<c>throughOrigin</c>, default false).</summary>
    [SparkParam("throughOrigin")]
    public bool? ThroughOrigin { get => GetValue<bool>(); set => SetValue(value); }

    /// <inheritdoc/>
    public override bool IsLargerBetter => (MetricName ?? "rmse") is "r2" or "var";

    internal override string ClassName => "org.apache.spark.ml.evaluation.RegressionEvaluator";
}
