using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Clustering;

/// <summary>Divisive hierarchical K-means, as <c>org.apache.spark.ml.clustering.BisectingKMeans</c>.</summary>
public sealed class BisectingKMeans : Estimator<BisectingKMeansModel>
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

    /// <summary>Gets or sets the features column (<c>featuresCol</c>, default <c>features</c>).</summary>
    [SparkParam("featuresCol")]
    public string? FeaturesCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the prediction column (<c>predictionCol</c>, default <c>prediction</c>).</summary>
    [SparkParam("predictionCol")]
    public string? PredictionCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the desired number of leaf clusters (<c>k</c>, greater than 1, default 4).</summary>
    [SparkParam("k")]
    public int? K { get => GetValue<int>(); set => SetValue(value, ParamCheck.GreaterThan(1)); }

    /// <summary>Gets or sets the maximum number of iterations per split (<c>maxIter</c>, at least 0, default 20).</summary>
    [SparkParam("maxIter")]
    public int? MaxIter { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(0)); }

    /// <summary>Gets or sets the random seed (<c>seed</c>).</summary>
    [SparkParam("seed")]
    public long? Seed { get => GetValue<long>(); set => SetValue(value); }

    /// <summary>Gets or sets the minimum points (at least 1.0) or fraction (below 1.0) of a divisible cluster (<c>minDivisibleClusterSize</c>, default 1.0).</summary>
    [SparkParam("minDivisibleClusterSize")]
    public double? MinDivisibleClusterSize { get => GetValue<double>(); set => SetValue(value, ParamCheck.GreaterThan(0)); }

    /// <summary>Gets or sets the distance (<c>distanceMeasure</c>: <c>euclidean</c>, the default, or <c>cosine</c>).</summary>
    [SparkParam("distanceMeasure")]
    public string? DistanceMeasure { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("euclidean", "cosine")); }

    /// <summary>Gets or sets the instance weight column (<c>weightCol</c>).</summary>
    [SparkParam("weightCol")]
    public string? WeightCol { get => GetObject<string>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.clustering.BisectingKMeans";

    internal override BisectingKMeansModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) =>
        new(session, objectId, Uid) { TrainingData = trainingData.Relation };
}
