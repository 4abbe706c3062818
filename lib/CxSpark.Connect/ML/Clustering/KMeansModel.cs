using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Clustering;

/// <summary>A fitted <see cref="KMeans"/> model held on the server: centres, training summary and cluster predictions.</summary>
/// <remarks><see cref="Transformer.Transform"/> adds an int <c>prediction</c> column, the index of the nearest centre.</remarks>
public sealed partial class KMeansModel : Model
{
    internal KMeansModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
        Summary = new KMeansSummary(this);
    }

    /// <summary>Gets the training summary (cost, cluster sizes); its attributes are fetched on demand.</summary>
    public KMeansSummary Summary { get; }

    internal override string ClassName => "org.apache.spark.ml.clustering.KMeansModel";

    /// <summary>Loads a model saved with <see cref="Model.SaveAsync"/> into the server's ML cache.</summary>
    public static Task<KMeansModel> LoadAsync(SparkSession spark, string path, CancellationToken cancellationToken = default) =>
        MLReader.LoadModelAsync(spark, path, "org.apache.spark.ml.clustering.KMeansModel", (s, id, uid) => new KMeansModel(s, id, uid), cancellationToken);

    /// <summary>Fetches the cluster centres, one array of coordinates per cluster.</summary>
    public Task<double[][]> ClusterCentersAsync(CancellationToken cancellationToken = default) => ClusterCenters.FetchAsync(this, cancellationToken);

    /// <summary>Fetches whether the model still has its training summary (a loaded model has none).</summary>
    public Task<bool> HasSummaryAsync(CancellationToken cancellationToken = default) => FetchAsync<bool>(cancellationToken, new MLMethod("hasSummary"));

    /// <summary>Fetches the number of features the model was trained on.</summary>
    public Task<int> NumFeaturesAsync(CancellationToken cancellationToken = default) => FetchAsync<int>(cancellationToken, new MLMethod("numFeatures"));
}
