using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Clustering;

/// <summary>The training summary of a clustering model, fetched from the server attribute by attribute.</summary>
/// <remarks>
/// Spark keeps the summary with the model; a 4.1 server that offloaded the model to disk rebuilds it from the
/// training data, which this client sends along with DataFrame-valued attributes.
/// </remarks>
public class ClusteringSummary
{
    private protected ClusteringSummary(Model model)
    {
        Model = model;
    }

    /// <summary>Gets the training data with the prediction column; lazy.</summary>
    public DataFrame Predictions => Model.FetchFrame(new MLMethod("summary"), new MLMethod("predictions"));

    /// <summary>Gets the cluster of each training row (the prediction column alone); lazy.</summary>
    public DataFrame Cluster => Model.FetchFrame(new MLMethod("summary"), new MLMethod("cluster"));

    private protected Model Model { get; }

    /// <summary>Fetches the number of clusters.</summary>
    public Task<int> KAsync(CancellationToken cancellationToken = default) => Fetch<int>("k", cancellationToken);

    /// <summary>Fetches the number of iterations the training ran.</summary>
    public Task<int> NumIterAsync(CancellationToken cancellationToken = default) => Fetch<int>("numIter", cancellationToken);

    /// <summary>Fetches the number of training rows in each cluster, by cluster index.</summary>
    public async Task<long[]> ClusterSizesAsync(CancellationToken cancellationToken = default)
    {
        object? sizes = await Model.FetchAsync(cancellationToken, new MLMethod("summary"), new MLMethod("clusterSizes")).ConfigureAwait(false);
        return sizes switch
        {
            long[] longs => longs,
            System.Collections.IEnumerable items => items.Cast<object>().Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            _ => throw new Errors.SparkConnectException($"clusterSizes returned {sizes?.GetType().Name ?? "null"}."),
        };
    }

    private protected Task<T> Fetch<T>(string attribute, CancellationToken cancellationToken) =>
        Model.FetchAsync<T>(cancellationToken, new MLMethod("summary"), new MLMethod(attribute));
}
