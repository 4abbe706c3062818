using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="Imputer"/>: the replacement value of each column, held on the server.</summary>
public sealed class ImputerModel : Model
{
    internal ImputerModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    /// <summary>Gets or sets the input column (<c>inputCol</c>).</summary>
    [SparkParam("inputCol")]
    public string? InputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the output column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets several input columns (<c>inputCols</c>).</summary>
    [SparkParam("inputCols")]
    public string[]? InputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets the output columns (<c>outputCols</c>).</summary>
    [SparkParam("outputCols")]
    public string[]? OutputCols { get => GetObject<string[]>(); set => SetValue(value, ParamCheck.NonEmpty); }

    /// <summary>Gets or sets the value treated as missing besides null (<c>missingValue</c>).</summary>
    [SparkParam("missingValue")]
    public double? MissingValue { get => GetValue<double>(); set => SetValue(value); }

    /// <summary>Gets the replacement values: one row, one column per input column; lazy.</summary>
    public DataFrame SurrogateDF => FetchFrame(new MLMethod("surrogateDF"));

    internal override string ClassName => "org.apache.spark.ml.feature.ImputerModel";
}
