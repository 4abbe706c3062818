using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Maps string (or numeric) labels to double indices by frequency, as <c>org.apache.spark.ml.feature.StringIndexer</c>.</summary>
/// <remarks>With the default <c>frequencyDesc</c> order the most frequent label gets 0.0.</remarks>
public sealed class StringIndexer : Estimator<StringIndexerModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public StringIndexer()
        : base(null)
    {
    }

    /// <summary>Gets or sets the input column (<c>inputCol</c>).</summary>
    [SparkParam("inputCol")]
    public string? InputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the output index column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets several input columns (<c>inputCols</c>), instead of <see cref="InputCol"/>.</summary>
    [SparkParam("inputCols")]
    public string[]? InputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets the output columns matching <see cref="InputCols"/> (<c>outputCols</c>).</summary>
    [SparkParam("outputCols")]
    public string[]? OutputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets how unseen or null labels are handled (<c>handleInvalid</c>: <c>error</c>, the default, <c>skip</c> or <c>keep</c>).</summary>
    [SparkParam("handleInvalid")]
    public string? HandleInvalid { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("error", "skip", "keep")); }

    /// <summary>Gets or sets the label order (<c>stringOrderType</c>: <c>frequencyDesc</c>, the default, <c>frequencyAsc</c>, <c>alphabetDesc</c> or <c>alphabetAsc</c>).</summary>
    [SparkParam("stringOrderType")]
    public string? StringOrderType
    {
        get => GetObject<string>();
        set => SetValue(value, ParamCheck.OneOf("frequencyDesc", "frequencyAsc", "alphabetDesc", "alphabetAsc"));
    }

    internal override string ClassName => "org.apache.spark.ml.feature.StringIndexer";

    internal override StringIndexerModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
