using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Rescales each feature of a vector column to [<see cref="Min"/>, <see cref="Max"/>], as <c>org.apache.spark.ml.feature.MinMaxScaler</c>.</summary>
public sealed partial class MinMaxScaler : Estimator<MinMaxScalerModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public MinMaxScaler()
        : base(null)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.feature.MinMaxScaler";

    internal override MinMaxScalerModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
