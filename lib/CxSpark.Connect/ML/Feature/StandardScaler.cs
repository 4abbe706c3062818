using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>Scales a vector column to unit standard deviation and, optionally, zero mean, as <c>org.apache.spark.ml.feature.StandardScaler</c>.</summary>
public sealed class StandardScaler : Estimator<StandardScalerModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public StandardScaler()
        : base(null)
    {
    }

    /// <summary>Gets or sets the input vector column (<c>inputCol</c>).</summary>
    [SparkParam("inputCol")]
    public string? InputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the output vector column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets whether to centre on the mean (<c>withMean</c>, default false).</summary>
    [SparkParam("withMean")]
    public bool? WithMean { get => GetValue<bool>(); set => SetValue(value); }

    /// <summary>Gets or sets whether to scale to unit standard deviation (<c>withStd</c>, default true).</summary>
    [SparkParam("withStd")]
    public bool? WithStd { get => GetValue<bool>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.feature.StandardScaler";

    internal override StandardScalerModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
