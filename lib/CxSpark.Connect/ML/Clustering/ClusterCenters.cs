using CxSpark.Connect.ML.Linalg;

namespace CxSpark.Connect.ML.Clustering;

/// <summary>Fetches cluster centres through the allow-listed <c>clusterCenterMatrix</c> (one centre per row).</summary>
internal static class ClusterCenters
{
    internal static async Task<double[][]> FetchAsync(Model model, CancellationToken cancellationToken)
    {
        object? value = await model.FetchAsync(cancellationToken, new MLMethod("clusterCenterMatrix")).ConfigureAwait(false);
        return value is Matrix matrix
            ? matrix.ToRowArrays()
            : throw new Errors.SparkConnectException($"clusterCenterMatrix returned {value?.GetType().Name ?? "null"}, not a matrix.");
    }
}
