using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="MinMaxScaler"/>: each feature's observed minimum and maximum, held on the server.</summary>
public sealed class MinMaxScalerModel : Model
{
    internal MinMaxScalerModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    /// <summary>Gets or sets the input vector column (<c>inputCol</c>).</summary>
    [SparkParam("inputCol")]
    public string? InputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the output vector column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the lower bound after scaling (<c>min</c>).</summary>
    [SparkParam("min")]
    public double? Min { get => GetValue<double>(); set => SetValue(value); }

    /// <summary>Gets or sets the upper bound after scaling (<c>max</c>).</summary>
    [SparkParam("max")]
    public double? Max { get => GetValue<double>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.feature.MinMaxScalerModel";

    /// <summary>Fetches the minimum of each feature in the training data.</summary>
    public Task<double[]> OriginalMinAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("originalMin"));

    /// <summary>Fetches the maximum of each feature in the training data.</summary>
    public Task<double[]> OriginalMaxAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("originalMax"));
}
