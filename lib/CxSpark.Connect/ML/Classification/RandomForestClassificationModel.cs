using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Classification;

/// <summary>A fitted <see cref="RandomForestClassifier"/> held on the server: trees, feature importances and predictions.</summary>
public sealed partial class RandomForestClassificationModel : Model
{
    internal RandomForestClassificationModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.classification.RandomForestClassificationModel";

    /// <summary>Loads a model saved with <see cref="Model.SaveAsync"/> into the server's ML cache.</summary>
    public static Task<RandomForestClassificationModel> LoadAsync(SparkSession spark, string path, CancellationToken cancellationToken = default) =>
        MLReader.LoadModelAsync(spark, path, "org.apache.spark.ml.classification.RandomForestClassificationModel", (s, id, uid) => new RandomForestClassificationModel(s, id, uid), cancellationToken);

    /// <summary>Fetches the importance of each feature, normalised to sum to 1.</summary>
    public Task<double[]> FeatureImportancesAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("featureImportances"));

    /// <summary>Fetches the number of trees.</summary>
    public Task<int> NumTreesAsync(CancellationToken cancellationToken = default) => FetchAsync<int>(cancellationToken, new MLMethod("getNumTrees"));

    /// <summary>Fetches the total number of nodes over all trees.</summary>
    public Task<int> TotalNumNodesAsync(CancellationToken cancellationToken = default) => FetchAsync<int>(cancellationToken, new MLMethod("totalNumNodes"));

    /// <summary>Fetches the number of classes.</summary>
    public Task<int> NumClassesAsync(CancellationToken cancellationToken = default) => FetchAsync<int>(cancellationToken, new MLMethod("numClasses"));
}
