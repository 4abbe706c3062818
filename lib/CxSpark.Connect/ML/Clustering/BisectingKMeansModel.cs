using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Clustering;

/// <summary>A fitted <see cref="BisectingKMeans"/> model held on the server.</summary>
public sealed partial class BisectingKMeansModel : Model
{
    internal BisectingKMeansModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
        Summary = new BisectingKMeansSummary(this);
    }

    /// <summary>Gets the training summary; its attributes are fetched on demand.</summary>
    public BisectingKMeansSummary Summary { get; }

    internal override string ClassName => "org.apache.spark.ml.clustering.BisectingKMeansModel";

    /// <summary>Loads a model saved with <see cref="Model.SaveAsync"/> into the server's ML cache.</summary>
    public static Task<BisectingKMeansModel> LoadAsync(SparkSession spark, string path, CancellationToken cancellationToken = default) =>
        MLReader.LoadModelAsync(spark, path, "org.apache.spark.ml.clustering.BisectingKMeansModel", (s, id, uid) => new BisectingKMeansModel(s, id, uid), cancellationToken);

    /// <summary>Fetches the cluster centres, one array of coordinates per cluster.</summary>
    public Task<double[][]> ClusterCentersAsync(CancellationToken cancellationToken = default) => ClusterCenters.FetchAsync(this, cancellationToken);

    /// <summary>Fetches the sum of squared distances of the rows of <paramref name="dataset"/> to their nearest centre.</summary>
    public Task<double> ComputeCostAsync(DataFrame dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        RequireSession(dataset);
        return FetchAsync<double>(cancellationToken, new MLMethod("computeCost", dataset));
    }
}
