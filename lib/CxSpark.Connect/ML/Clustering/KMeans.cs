using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Clustering;

/// <summary>K-means clustering with k-means|| initialisation, as <c>org.apache.spark.ml.clustering.KMeans</c>.</summary>
/// <remarks>The features column must hold MLlib vectors; build it with <see cref="Feature.VectorAssembler"/> or <see cref="Functions.ArrayToVector"/>.</remarks>
/// <example>
/// <code>
/// await using KMeansModel model = await new KMeans { K = 3, Seed = 1 }.FitAsync(features);
/// double[][] centres = await model.ClusterCentersAsync();
/// </code>
/// </example>
public sealed partial class KMeans : Estimator<KMeansModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public KMeans()
        : this(null)
    {
    }

    private KMeans(string? uid)
        : base(uid)
    {
    }

    /// <summary>Gets or sets the number of clusters (<c>k</c>, greater than 1, default 2).</summary>
    [SparkParam("k")]
    public int? K { get => GetValue<int>(); set => SetValue(value, ParamCheck.GreaterThan(1)); }

    /// <summary>Gets or sets the initialisation (<c>initMode</c>: <c>k-means||</c>, the default, or <c>random</c>).</summary>
    [SparkParam("initMode")]
    public string? InitMode { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("k-means||", "random")); }

    /// <summary>Gets or sets the number of k-means|| steps (<c>initSteps</c>, greater than 0, default 2).</summary>
    [SparkParam("initSteps")]
    public int? InitSteps { get => GetValue<int>(); set => SetValue(value, ParamCheck.GreaterThan(0)); }

    /// <summary>Gets or sets the solver (<c>solver</c>: <c>auto</c>, the default, <c>row</c> or <c>block</c>).</summary>
    [SparkParam("solver")]
    public string? Solver { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("auto", "row", "block")); }

    /// <summary>Gets or sets the block size limit in MiB for the block solver (<c>maxBlockSizeInMB</c>, at least 0, default 0 for auto).</summary>
    [SparkParam("maxBlockSizeInMB")]
    public double? MaxBlockSizeInMB { get => GetValue<double>(); set => SetValue(value, ParamCheck.AtLeast(0)); }

    internal override string ClassName => "org.apache.spark.ml.clustering.KMeans";

    /// <summary>Loads an estimator saved with <see cref="Estimator{TModel}.SaveAsync"/>.</summary>
    public static Task<KMeans> LoadAsync(SparkSession spark, string path, CancellationToken cancellationToken = default) =>
        MLReader.LoadEstimatorAsync(spark, path, uid => new KMeans(uid), cancellationToken);

    internal override KMeansModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) =>
        new(session, objectId, Uid) { TrainingData = trainingData.Relation };
}
