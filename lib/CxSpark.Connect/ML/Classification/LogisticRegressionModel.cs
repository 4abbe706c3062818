using CxSpark.Connect.ML.Linalg;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Classification;

/// <summary>A fitted <see cref="LogisticRegression"/> model held on the server: coefficients, intercepts and predictions.</summary>
/// <remarks><see cref="Transformer.Transform"/> adds <c>rawPrediction</c> and <c>probability</c> vectors and a double <c>prediction</c>.</remarks>
public sealed partial class LogisticRegressionModel : Model
{
    internal LogisticRegressionModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.classification.LogisticRegressionModel";

    /// <summary>Loads a model saved with <see cref="Model.SaveAsync"/> into the server's ML cache.</summary>
    public static Task<LogisticRegressionModel> LoadAsync(SparkSession spark, string path, CancellationToken cancellationToken = default) =>
        MLReader.LoadModelAsync(spark, path, "org.apache.spark.ml.classification.LogisticRegressionModel", (s, id, uid) => new LogisticRegressionModel(s, id, uid), cancellationToken);

    /// <summary>Fetches the coefficients of a binomial model.</summary>
    public Task<double[]> CoefficientsAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("coefficients"));

    /// <summary>Fetches the intercept of a binomial model.</summary>
    public Task<double> InterceptAsync(CancellationToken cancellationToken = default) => FetchAsync<double>(cancellationToken, new MLMethod("intercept"));

    /// <summary>Fetches the coefficients, one row per class (one row for a binomial model).</summary>
    public Task<Matrix> CoefficientMatrixAsync(CancellationToken cancellationToken = default) => FetchAsync<Matrix>(cancellationToken, new MLMethod("coefficientMatrix"));

    /// <summary>Fetches the intercepts, one per class (one for a binomial model).</summary>
    public Task<double[]> InterceptVectorAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("interceptVector"));

    /// <summary>Fetches the number of classes.</summary>
    public Task<int> NumClassesAsync(CancellationToken cancellationToken = default) => FetchAsync<int>(cancellationToken, new MLMethod("numClasses"));

    /// <summary>Fetches the number of features.</summary>
    public Task<int> NumFeaturesAsync(CancellationToken cancellationToken = default) => FetchAsync<int>(cancellationToken, new MLMethod("numFeatures"));
}
