using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="OneHotEncoder"/>: the number of categories of each input column, held on the server.</summary>
public sealed class OneHotEncoderModel : Model
{
    internal OneHotEncoderModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
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

    /// <summary>Gets or sets whether the last category is dropped (<c>dropLast</c>).</summary>
    [SparkParam("dropLast")]
    public bool? DropLast { get => GetValue<bool>(); set => SetValue(value); }

    /// <summary>Gets or sets how unseen indices are handled (<c>handleInvalid</c>: <c>error</c> or <c>keep</c>).</summary>
    [SparkParam("handleInvalid")]
    public string? HandleInvalid { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("error", "keep")); }

    internal override string ClassName => "org.apache.spark.ml.feature.OneHotEncoderModel";

    /// <summary>Fetches the number of categories of each input column.</summary>
    public Task<int[]> CategorySizesAsync(CancellationToken cancellationToken = default) => FetchAsync<int[]>(cancellationToken, new MLMethod("categorySizes"));
}
