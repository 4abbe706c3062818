using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="Imputer"/>: the replacement value of each column, held on the server.</summary>
public sealed partial class ImputerModel : Model
{
    internal ImputerModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    /// <summary>Gets the replacement values: one row, one column per input column; lazy.</summary>
    public DataFrame SurrogateDF => FetchFrame(new MLMethod("surrogateDF"));

    internal override string ClassName => "org.apache.spark.ml.feature.ImputerModel";
}
