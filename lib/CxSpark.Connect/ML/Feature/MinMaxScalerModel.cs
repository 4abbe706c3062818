using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="MinMaxScaler"/>: each feature's observed minimum and maximum, held on the server.</summary>
public sealed partial class MinMaxScalerModel : Model
{
    internal MinMaxScalerModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.feature.MinMaxScalerModel";

    /// <summary>Fetches the minimum of each feature in the training data.</summary>
    public Task<double[]> OriginalMinAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("originalMin"));

    /// <summary>Fetches the maximum of each feature in the training data.</summary>
    public Task<double[]> OriginalMaxAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("originalMax"));
}
