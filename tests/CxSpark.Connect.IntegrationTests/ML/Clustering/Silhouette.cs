using MathNet.Numerics;

namespace CxSpark.Connect.IntegrationTests.ML.Clustering;

/// <summary>Spark's default silhouette (ClusteringEvaluator, squaredEuclidean), computed directly from the points.</summary>
/// <remarks>
/// For a point i of cluster C: a = mean squared Euclidean distance to the other points of C, b = the smallest mean
/// squared distance to the points of another cluster, s = (b - a) / max(a, b), and 0 when C has one point.
/// The metric is the mean of s over all points (Spark's SquaredEuclideanSilhouette).
/// </remarks>
public static class Silhouette
{
    public static double SquaredEuclidean(IReadOnlyList<double[]> points, IReadOnlyList<int> clusters)
    {
        int[] ids = clusters.Distinct().ToArray();
        double total = 0;
        for (int i = 0; i < points.Count; i++)
        {
            var sums = ids.ToDictionary(id => id, _ => 0.0);
            var counts = ids.ToDictionary(id => id, _ => 0);
            for (int j = 0; j < points.Count; j++)
            {
                if (j != i)
                {
                    sums[clusters[j]] += Distance.SSD(points[i], points[j]);
                    counts[clusters[j]]++;
                }
            }

            int own = clusters[i];
            if (counts[own] == 0)
            {
                continue;
            }

            double a = sums[own] / counts[own];
            double b = ids.Where(id => id != own).Min(id => sums[id] / counts[id]);
            total += (b - a) / Math.Max(a, b);
        }

        return total / points.Count;
    }
}
