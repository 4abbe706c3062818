namespace CxSpark.Connect.ML.Feature;

/// <summary>Concatenates numeric, boolean and vector columns into one vector column, as <c>org.apache.spark.ml.feature.VectorAssembler</c>.</summary>
public sealed class VectorAssembler : Transformer
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public VectorAssembler()
        : base(null)
    {
    }

    /// <summary>Gets or sets the input columns, in order (<c>inputCols</c>).</summary>
    [SparkParam("inputCols")]
    public string[]? InputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets the output vector column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets how rows with null or NaN inputs are handled (<c>handleInvalid</c>: <c>error</c>, the default, <c>skip</c> or <c>keep</c>).</summary>
    [SparkParam("handleInvalid")]
    public string? HandleInvalid { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("error", "skip", "keep")); }

    internal override string ClassName => "org.apache.spark.ml.feature.VectorAssembler";
}
