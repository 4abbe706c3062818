using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="StringIndexer"/>: the ordered labels of each input column, held on the server.</summary>
public sealed class StringIndexerModel : Model
{
    internal StringIndexerModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    /// <summary>Gets or sets the input column (<c>inputCol</c>).</summary>
    [SparkParam("inputCol")]
    public string? InputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the output index column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets several input columns (<c>inputCols</c>).</summary>
    [SparkParam("inputCols")]
    public string[]? InputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets the output columns (<c>outputCols</c>).</summary>
    [SparkParam("outputCols")]
    public string[]? OutputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets how unseen or null labels are handled (<c>handleInvalid</c>: <c>error</c>, <c>skip</c> or <c>keep</c>).</summary>
    [SparkParam("handleInvalid")]
    public string? HandleInvalid { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("error", "skip", "keep")); }

    internal override string ClassName => "org.apache.spark.ml.feature.StringIndexerModel";

    /// <summary>Fetches the labels of the (single) input column; label <c>i</c> has index <c>i</c>.</summary>
    public async Task<string[]> LabelsAsync(CancellationToken cancellationToken = default)
    {
        object? labels = await FetchAsync(cancellationToken, new MLMethod("labels")).ConfigureAwait(false);
        return ToStrings(labels);
    }

    /// <summary>Fetches the labels of each input column.</summary>
    public async Task<string[][]> LabelsArrayAsync(CancellationToken cancellationToken = default)
    {
        object? labels = await FetchAsync(cancellationToken, new MLMethod("labelsArray")).ConfigureAwait(false);
        return labels is System.Collections.IEnumerable columns ? columns.Cast<object?>().Select(ToStrings).ToArray() : [];
    }

    private static string[] ToStrings(object? value) => value switch
    {
        string[] strings => strings,
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? string.Empty).ToArray(),
        _ => [],
    };
}
