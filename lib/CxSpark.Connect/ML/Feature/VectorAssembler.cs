namespace CxSpark.Connect.ML.Feature;

/// <summary>Concatenates numeric, boolean and vector columns into one vector column, as <c>org.apache.spark.ml.feature.VectorAssembler</c>.</summary>
public sealed partial class VectorAssembler : Transformer
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public VectorAssembler()
        : base(null)
    {
    }

    internal override string ClassName => "org.apache.spark.ml.feature.VectorAssembler";
}
