using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML;
using CxSpark.Connect.ML.Clustering;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.ML;

/// <summary>A Pipeline of VectorAssembler → StandardScaler → KMeans fitted and applied in one chain.</summary>
[Collection("Spark")]
public sealed class PipelineTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_AssemblerScalerKMeans_TransformsIntoThePlantedClusters()
    {
        DataFrame points = PlantedClusters.Coordinates(_spark);
        var pipeline = new Pipeline
        {
            Stages =
            {
                new VectorAssembler { InputCols = ["x", "y"], OutputCol = "raw" },
                new StandardScaler { InputCol = "raw", OutputCol = "features", WithMean = true },
                new KMeans { K = 3, Seed = 1 },
            },
        };

        await using PipelineModel model = await pipeline.FitAsync(points);
        IReadOnlyList<Row> sizes = await model.Transform(points).GroupBy("prediction").Count().OrderBy("prediction").CollectAsync();

        Assert.Equal([0, 1, 2], sizes.Select(r => r.GetInt("prediction")));
        Assert.All(sizes, r => Assert.Equal(PlantedClusters.PointsPerCentre, r.GetLong("count")));
        Assert.IsType<VectorAssembler>(model.Stages[0]);
        double[] mean = await Assert.IsType<StandardScalerModel>(model.Stages[1]).MeanAsync();
        Assert.Equal(PlantedClusters.Points.Average(p => p[0]), mean[0], 1e-9);
        Assert.Equal(PlantedClusters.Points.Average(p => p[1]), mean[1], 1e-9);
        Assert.Equal(3, (await Assert.IsType<KMeansModel>(model.Stages[2]).ClusterCentersAsync()).Length);
    }

    [Fact]
    public async Task DisposeAsync_PipelineModel_DeletesTheModelsItFitted()
    {
        DataFrame points = PlantedClusters.Coordinates(_spark);
        var assembler = new VectorAssembler { InputCols = ["x", "y"], OutputCol = "features" };
        PipelineModel model = await new Pipeline { Stages = { assembler, new KMeans { K = 2, Seed = 1 } } }.FitAsync(points);
        var kmeans = (KMeansModel)model.Stages[1];

        long rows = await model.Transform(points).Where(Col("prediction") >= 0).CountAsync();
        await model.DisposeAsync();

        Assert.Equal(300, rows);
        Assert.True(kmeans.IsDisposed);
        Assert.Same(assembler, model.Stages[0]);
    }
}
