using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="StandardScaler"/>: the column means and standard deviations, held on the server.</summary>
public sealed partial class StandardScalerModel : Model
{
    internal StandardScalerModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.feature.StandardScalerModel";

    /// <summary>Fetches the mean of each feature.</summary>
    public Task<double[]> MeanAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("mean"));

    /// <summary>Fetches the (sample) standard deviation of each feature.</summary>
    public Task<double[]> StdAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("std"));
}
