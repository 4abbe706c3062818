using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Clustering;

/// <summary>Divisive hierarchical K-means, as <c>org.apache.spark.ml.clustering.BisectingKMeans</c>.</summary>
public sealed partial class BisectingKMeans : Estimator<BisectingKMeansModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public BisectingKMeans()
        : this(null)
    {
    }

    private BisectingKMeans(string? uid)
        : base(uid)
    {
    }

    /// <summary>Gets or sets the desired number of leaf clusters (<c>k</c>, greater than 1, default 4).</summary>
    [SparkParam("k")]
    public int? K { get => GetValue<int>(); set => SetValue(value, ParamCheck.GreaterThan(1)); }

    /// <summary>Gets or sets the minimum points (at least 1.0) or fraction (below 1.0) of a divisible cluster (<c>minDivisibleClusterSize</c>, default 1.0).</summary>
    [SparkParam("minDivisibleClusterSize")]
    public double? MinDivisibleClusterSize { get => GetValue<double>(); set => SetValue(value, ParamCheck.GreaterThan(0)); }

    internal override string ClassName => "org.apache.spark.ml.clustering.BisectingKMeans";

    internal override BisectingKMeansModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) =>
        new(session, objectId, Uid) { TrainingData = trainingData.Relation };
}
