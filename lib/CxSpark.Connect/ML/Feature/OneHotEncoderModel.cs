using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="OneHotEncoder"/>: the number of categories of each input column, held on the server.</summary>
public sealed partial class OneHotEncoderModel : Model
{
    internal OneHotEncoderModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.feature.OneHotEncoderModel";

    /// <summary>Fetches the number of categories of each input column.</summary>
    public Task<int[]> CategorySizesAsync(CancellationToken cancellationToken = default) => FetchAsync<int[]>(cancellationToken, new MLMethod("categorySizes"));
}
