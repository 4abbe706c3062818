namespace CxSpark.Connect.ML.Clustering;

/// <summary>The training summary of a <see cref="BisectingKMeansModel"/>.</summary>
public sealed class BisectingKMeansSummary : ClusteringSummary
{
    internal BisectingKMeansSummary(BisectingKMeansModel model)
        : base(model)
    {
    }

    /// <summary>Fetches the bisecting K-means cost: the sum of squared distances of the points to their nearest centre.</summary>
    public Task<double> TrainingCostAsync(CancellationToken cancellationToken = default) => Fetch<double>("trainingCost", cancellationToken);
}
