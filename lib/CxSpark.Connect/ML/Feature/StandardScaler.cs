using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Scales a vector column to unit standard deviation and, optionally, zero mean, as <c>org.apache.spark.ml.feature.StandardScaler</c>.</summary>
public sealed partial class StandardScaler : Estimator<StandardScalerModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public StandardScaler()
        : base(null)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.feature.StandardScaler";

    internal override StandardScalerModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
