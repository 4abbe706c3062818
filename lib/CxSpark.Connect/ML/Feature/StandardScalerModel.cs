using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Feature;

/// <summary>A fitted <see cref="StandardScaler"/>: the column means and standard deviations, held on the server.</summary>
public sealed class StandardScalerModel : Model
{
    internal StandardScalerModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    /// <summary>Gets or sets the input vector column (<c>inputCol</c>).</summary>
    [SparkParam("inputCol")]
    public string? InputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the output vector column (<c>outputCol</c>).</summary>
    [SparkParam("outputCol")]
    public string? OutputCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets whether to centre on the mean (<c>withMean</c>).</summary>
    [SparkParam("withMean")]
    public bool? WithMean { get => GetValue<bool>(); set => SetValue(value); }

    /// <summary>Gets or sets whether to scale to unit standard deviation (<c>withStd</c>).</summary>
    [SparkParam("withStd")]
    public bool? WithStd { get => GetValue<bool>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.feature.StandardScalerModel";

    /// <summary>Fetches the mean of each feature.</summary>
    public Task<double[]> MeanAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("mean"));

    /// <summary>Fetches the (sample) standard deviation of each feature.</summary>
    public Task<double[]> StdAsync(CancellationToken cancellationToken = default) => FetchAsync<double[]>(cancellationToken, new MLMethod("std"));
}
