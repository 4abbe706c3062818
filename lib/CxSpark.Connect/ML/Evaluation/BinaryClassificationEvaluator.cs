namespace CxSpark.Connect.ML.Evaluation;

/// <summary>Area under the ROC or precision-recall curve, as <c>org.apache.spark.ml.evaluation.BinaryClassificationEvaluator</c>.</summary>
public sealed partial class BinaryClassificationEvaluator : Evaluator
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public BinaryClassificationEvaluator()
        : base(null)
    {
    }

    /// <summary>Gets or sets the metric (<c>metricName</c>: <c>areaUnderROC</c>, the default, or <c>areaUnderPR</c>).</summary>
    [SparkParam("metricName")]
    public string? MetricName { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("areaUnderROC", "areaUnderPR")); }

    /// <summary>Gets or sets the number of bins for down-sampling the curves (<c>numBins</c>, 0 for none or at least 2, default 1000).</summary>
    [SparkParam("numBins")]
    public int? NumBins { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(0)); }

    internal override string ClassName => "org.apache.spark.ml.evaluation.BinaryClassificationEvaluator";
}
