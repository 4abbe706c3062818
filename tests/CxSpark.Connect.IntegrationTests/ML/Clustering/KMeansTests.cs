using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Clustering;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.Sql;
using MathNet.Numerics;
using Xunit.Abstractions;

namespace CxSpark.Connect.IntegrationTests.ML.Clustering;

/// <summary>KMeans on planted clusters: centres, summary, silhouette against a C# computation, save and load.</summary>
[Collection("Spark")]
public sealed class KMeansTests(SparkServerFixture fixture, ITestOutputHelper output)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_PlantedClusters_RecoversPlantedCentres()
    {
        await using KMeansModel model = await new KMeans { K = 3, Seed = 1 }.FitAsync(PlantedClusters.Features(_spark));

        double[][] centres = PlantedClusters.Sorted(await model.ClusterCentersAsync());

        double[][] planted = PlantedClusters.Sorted(PlantedClusters.Centres);
        Assert.Equal(3, centres.Length);
        for (int c = 0; c < 3; c++)
        {
            Assert.True(Distance.Euclidean(planted[c], centres[c]) < 0.2, $"centre {c}: planted {string.Join(',', planted[c])}, found {string.Join(',', centres[c])}");
        }
    }

    [Fact]
    public async Task Summary_PlantedClusters_HasSizesKAndCostOfTheCentres()
    {
        await using KMeansModel model = await new KMeans { K = 3, Seed = 1, MaxIter = 30 }.FitAsync(PlantedClusters.Features(_spark));
        double[][] centres = await model.ClusterCentersAsync();

        double cost = await model.Summary.TrainingCostAsync();
        long[] sizes = await model.Summary.ClusterSizesAsync();
        int k = await model.Summary.KAsync();

        double expected = PlantedClusters.Points.Sum(p => centres.Min(c => Distance.SSD(p, c)));
        Assert.Equal(expected, cost, expected * 1e-9);
        Assert.Equal([100L, 100L, 100L], sizes.Order());
        Assert.Equal(3, k);
        Assert.True(await model.HasSummaryAsync());
        Assert.Equal(300, await model.Summary.Predictions.CountAsync());
    }

    [Fact]
    public async Task ClusteringEvaluator_Silhouette_EqualsSilhouetteComputedInCSharp()
    {
        DataFrame features = PlantedClusters.Features(_spark);
        await using KMeansModel model = await new KMeans { K = 3, Seed = 1 }.FitAsync(features);
        DataFrame predictions = model.Transform(features);

        double silhouette = await new ClusteringEvaluator().EvaluateAsync(predictions);

        IReadOnlyList<Row> rows = await predictions.OrderBy("id").CollectAsync();
        double expected = Silhouette.SquaredEuclidean(rows.Select(r => (double[])r["features"]!).ToList(), rows.Select(r => r.GetInt("prediction")).ToList());
        output.WriteLine($"silhouette: Spark {silhouette:R}, C# {expected:R}");
        Assert.Equal(expected, silhouette, 1e-6);
    }

    [Fact]
    public async Task ClusteringEvaluator_OverlappingClusters_EqualsSilhouetteComputedInCSharp()
    {
        DataFrame features = PlantedClusters.Features(_spark);
        await using KMeansModel model = await new KMeans { K = 5, Seed = 7 }.FitAsync(features);
        DataFrame predictions = model.Transform(features);

        double silhouette = await new ClusteringEvaluator { MetricName = "silhouette", DistanceMeasure = "squaredEuclidean" }.EvaluateAsync(predictions);

        IReadOnlyList<Row> rows = await predictions.OrderBy("id").CollectAsync();
        double expected = Silhouette.SquaredEuclidean(rows.Select(r => (double[])r["features"]!).ToList(), rows.Select(r => r.GetInt("prediction")).ToList());
        Assert.Equal(expected, silhouette, 1e-6);
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_GivesIdenticalPredictions()
    {
        DataFrame features = PlantedClusters.Features(_spark);
        await using KMeansModel model = await new KMeans { K = 3, Seed = 1, PredictionCol = "cluster" }.FitAsync(features);
        string path = Path.Combine(RepoPaths.NewTempDir("kmeans-model"), "model");

        await model.SaveAsync(path);
        await using KMeansModel loaded = await KMeansModel.LoadAsync(_spark, path);

        Assert.Equal("cluster", loaded.PredictionCol);
        Assert.Equal(await model.ClusterCentersAsync(), await loaded.ClusterCentersAsync());
        Assert.Equal(await Clusters(model, features), await Clusters(loaded, features));
    }

    [Fact]
    public async Task BisectingKMeans_PlantedClusters_RecoversCentresAndCost()
    {
        DataFrame features = PlantedClusters.Features(_spark);
        await using BisectingKMeansModel model = await new BisectingKMeans { K = 3, Seed = 1 }.FitAsync(features);

        double[][] centres = PlantedClusters.Sorted(await model.ClusterCentersAsync());
        double cost = await model.Summary.TrainingCostAsync();

        double[][] planted = PlantedClusters.Sorted(PlantedClusters.Centres);
        for (int c = 0; c < 3; c++)
        {
            Assert.True(Distance.Euclidean(planted[c], centres[c]) < 0.2);
        }

        double expected = PlantedClusters.Points.Sum(p => centres.Min(c => Distance.SSD(p, c)));
        Assert.Equal(expected, cost, expected * 1e-9);
        Assert.Equal([100L, 100L, 100L], (await model.Summary.ClusterSizesAsync()).Order());
    }

    private static async Task<int[]> Clusters(KMeansModel model, DataFrame features) =>
        (await model.Transform(features).OrderBy("id").CollectAsync()).Select(r => r.GetInt("cluster")).ToArray();
}
