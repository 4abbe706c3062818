using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Maps category indices to sparse one-hot vectors, as <c>org.apache.spark.ml.feature.OneHotEncoder</c>.</summary>
/// <remarks>By default the last category is dropped (<c>dropLast</c>), so its vector is all zeros.</remarks>
public sealed partial class OneHotEncoder : Estimator<OneHotEncoderModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public OneHotEncoder()
        : base(null)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.feature.OneHotEncoder";

    internal override OneHotEncoderModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
