using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Maps string (or numeric) labels to double indices by frequency, as <c>org.apache.spark.ml.feature.StringIndexer</c>.</summary>
/// <remarks>With the default <c>frequencyDesc</c> order the most frequent label gets 0.0.</remarks>
public sealed partial class StringIndexer : Estimator<StringIndexerModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public StringIndexer()
        : base(null)
    {
    }

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
