using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Rescales each feature of a vector column to [<see cref="Min"/>, <see cref="Max"/>], as <c>org.apache.spark.ml.feature.MinMaxScaler</c>.</summary>
public sealed class MinMaxScaler : Estimator<MinMaxScalerModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public MinMaxScaler()
        : base(null)
    {
    }

    /// <summary>Gets or sets the input vector column (<c>inputCol</c>).</summary>
    [SparkParam("inputCol")]
    public string? InputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the output vector column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the lower bound after scaling (<c>min</c>, default 0.0).</summary>
    [SparkParam("min")]
    public double? Min { get => GetValue<double>(); set => SetValue(value); }

    /// <summary>Gets or sets the upper bound after scaling (<c>max</c>, default 1.0).</summary>
    [SparkParam("max")]
    public double? Max { get => GetValue<double>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.feature.MinMaxScaler";

    internal override MinMaxScalerModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
