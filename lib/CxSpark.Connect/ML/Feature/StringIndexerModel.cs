using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="StringIndexer"/>: the ordered labels of each input column, held on the server.</summary>
public sealed partial class StringIndexerModel : Model
{
    internal StringIndexerModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

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
