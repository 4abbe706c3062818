namespace CxSpark.Connect.ML.Clustering;

/// <summary>The training summary of a <see cref="KMeansModel"/>.</summary>
public sealed class KMeansSummary : ClusteringSummary
{
    internal KMeansSummary(KMeansModel model)
        : base(model)
    {
    }

    /// <summary>Fetches the K-means cost: the sum of squared distances of the points to their nearest centre.</summary>
    public Task<double> TrainingCostAsync(CancellationToken cancellationToken = default) => Fetch<double>("trainingCost", cancellationToken);
}
