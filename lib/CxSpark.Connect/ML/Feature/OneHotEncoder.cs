using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Maps category indices to sparse one-hot vectors, as <c>org.apache.spark.ml.feature.OneHotEncoder</c>.</summary>
/// <remarks>By default the last category is dropped (<c>dropLast</c>), so its vector is all zeros.</remarks>
public sealed class OneHotEncoder : Estimator<OneHotEncoderModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public OneHotEncoder()
        : base(null)
    {
    }

    /// <summary>Gets or sets the input index column (<c>inputCol</c>).</summary>
    [SparkParam("inputCol")]
    public string? InputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the output vector column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets several input index columns (<c>inputCols</c>).</summary>
    [SparkParam("inputCols")]
    public string[]? InputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets the output vector columns (<c>outputCols</c>).</summary>
    [SparkParam("outputCols")]
    public string[]? OutputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets whether the last category is dropped (<c>dropLast</c>, default true).</summary>
    [SparkParam("dropLast")]
    public bool? DropLast { get => GetValue<bool>(); set => SetValue(value); }

    /// <summary>Gets or sets how unseen indices are handled (<c>handleInvalid</c>: <c>error</c>, the default, or <c>keep</c>).</summary>
    [SparkParam("handleInvalid")]
    public string? HandleInvalid { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("error", "keep")); }

    internal override string ClassName => "org.apache.spark.ml.feature.OneHotEncoder";

    internal override OneHotEncoderModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
