using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Classification;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.ML.Classification;

[Collection("Spark")]
public sealed class RandomForestClassifierTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_ThreePlantedClusters_ClassifiesEveryPoint()
    {
        DataFrame labelled = PlantedClusters.Features(_spark).WithColumn("label", Floor(Col("id") / PlantedClusters.PointsPerCentre).Cast("double"));
        var forest = new RandomForestClassifier { NumTrees = 10, MaxDepth = 3, Seed = 1 };

        await using RandomForestClassificationModel model = await forest.FitAsync(labelled);
        long wrong = await model.Transform(labelled).Where(!(Col("prediction") == Col("label"))).CountAsync();
        double[] importances = await model.FeatureImportancesAsync();

        Assert.Equal(0, wrong);
        Assert.Equal(3, await model.NumClassesAsync());
        Assert.Equal(10, await model.NumTreesAsync());
        Assert.InRange(await model.TotalNumNodesAsync(), 10 * 3, 10 * 15);
        Assert.Equal(2, importances.Length);
        Assert.Equal(1.0, importances.Sum(), 1e-9);
    }
}
