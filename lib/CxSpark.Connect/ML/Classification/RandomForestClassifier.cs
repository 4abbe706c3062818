using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Classification;

/// <summary>A random forest of decision trees for classification, as <c>org.apache.spark.ml.classification.RandomForestClassifier</c>.</summary>
public sealed partial class RandomForestClassifier : Estimator<RandomForestClassificationModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public RandomForestClassifier()
        : base(null)
    {
    }

    /// <summary>Gets or sets the number of trees (<c>numTrees</c>, at least 1, default 20).</summary>
    [SparkParam("numTrees")]
    public int? NumTrees { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(1)); }

    /// <summary>Gets or sets the maximum depth of each tree (<c>maxDepth</c>, at least 0, default 5).</summary>
    [SparkParam("maxDepth")]
    public int? MaxDepth { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(0)); }

    /// <summary>Gets or sets the number of bins for continuous features (<c>maxBins</c>, at least 2, default 32).</summary>
    [SparkParam("maxBins")]
    public int? MaxBins { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(2)); }

    /// <summary>Gets or sets the minimum rows of each child after a split (<c>minInstancesPerNode</c>, at least 1, default 1).</summary>
    [SparkParam("minInstancesPerNode")]
    public int? MinInstancesPerNode { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(1)); }

    /// <summary>Gets or sets the minimum information gain of a split (<c>minInfoGain</c>, at least 0, default 0.0).</summary>
    [SparkParam("minInfoGain")]
    public double? MinInfoGain { get => GetValue<double>(); set => SetValue(value, ParamCheck.AtLeast(0)); }

    /// <summary>Gets or sets the split criterion (<c>impurity</c>: <c>gini</c>, the default, or <c>entropy</c>).</summary>
    [SparkParam("impurity")]
    public string? Impurity { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("gini", "entropy")); }

    /// <summary>Gets or sets how many features each split considers (<c>featureSubsetStrategy</c>: <c>auto</c>, <c>all</c>, <c>sqrt</c>, <c>log2</c>, <c>onethird</c>, a fraction or a count).</summary>
    [SparkParam("featureSubsetStrategy")]
    public string? FeatureSubsetStrategy { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the fraction of rows each tree samples (<c>subsamplingRate</c>, in (0, 1], default 1.0).</summary>
    [SparkParam("subsamplingRate")]
    public double? SubsamplingRate { get => GetValue<double>(); set => SetValue(value, ParamCheck.GreaterThan(0)); }

    /// <summary>Gets or sets whether rows are sampled with replacement (<c>bootstrap</c>, default true).</summary>
    [SparkParam("bootstrap")]
    public bool? Bootstrap { get => GetValue<bool>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.classification.RandomForestClassifier";

    internal override RandomForestClassificationModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
