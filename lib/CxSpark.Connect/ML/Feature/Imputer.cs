using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Fills missing values (null, NaN or <see cref="MissingValue"/>) of numeric columns, as <c>org.apache.spark.ml.feature.Imputer</c>.</summary>
public sealed partial class Imputer : Estimator<ImputerModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public Imputer()
        : base(null)
    {
    }

    /// <summary>Gets or sets the replacement (<c>strategy</c>: <c>mean</c>, the default, <c>median</c> or <c>mode</c>).</summary>
    [SparkParam("strategy")]
    public string? Strategy { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("mean", "median", "mode")); }

    /// <summary>Gets or sets the relative error of the approximate median (<c>relativeError</c>, in [0, 1], default 0.001).</summary>
    [SparkParam("relativeError")]
    public double? RelativeError { get => GetValue<double>(); set => SetValue(value, ParamCheck.Between(0, 1)); }

    internal override string ClassName => "org.apache.spark.ml.feature.Imputer";

    internal override ImputerModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
