namespace CxSpark.Connect.ML.Evaluation;

/// <summary>Ranking metrics of predicted item lists against relevant item lists, as <c>org.apache.spark.ml.evaluation.RankingEvaluator</c>.</summary>
/// <remarks>Both columns hold arrays of doubles: the ranked predictions and the set of relevant items of each row.</remarks>
public sealed partial class RankingEvaluator : Evaluator
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public RankingEvaluator()
        : base(null)
    {
    }

    /// <summary>Gets or sets the metric (<c>metricName</c>: <c>meanAveragePrecision</c>, the default, <c>meanAveragePrecisionAtK</c>, <c>precisionAtK</c>, <c>ndcgAtK</c> or <c>recallAtK</c>).</summary>
    [SparkParam("metricName")]
    public string? MetricName
    {
        get => GetObject<string>();
        set => SetValue(value, ParamCheck.OneOf("meanAveragePrecision", "meanAveragePrecisionAtK", "precisionAtK", "ndcgAtK", "recallAtK"));
    }

    /// <summary>Gets or sets the cut-off of the <c>…AtK</c> metrics (<c>k</c>, greater than 0, default 10).</summary>
    [SparkParam("k")]
    public int? K { get => GetValue<int>(); set => SetValue(value, ParamCheck.GreaterThan(0)); }

    internal override string ClassName => "org.apache.spark.ml.evaluation.RankingEvaluator";
}
