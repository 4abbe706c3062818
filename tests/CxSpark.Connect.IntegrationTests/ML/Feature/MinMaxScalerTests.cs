using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML.Feature;

[Collection("Spark")]
public sealed class MinMaxScalerTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_MinusOneToOne_RescalesEachFeatureOntoTheRange()
    {
        DataFrame features = PlantedClusters.Features(_spark);

        await using MinMaxScalerModel model = await new MinMaxScaler { InputCol = "features", OutputCol = "scaled", Min = -1, Max = 1 }.FitAsync(features);
        double[] originalMin = await model.OriginalMinAsync();
        double[] originalMax = await model.OriginalMaxAsync();
        double[][] scaled = (await model.Transform(features).Select("scaled").CollectAsync()).Select(r => (double[])r["scaled"]!).ToArray();

        for (int d = 0; d < 2; d++)
        {
            Assert.Equal(PlantedClusters.Points.Min(p => p[d]), originalMin[d]);
            Assert.Equal(PlantedClusters.Points.Max(p => p[d]), originalMax[d]);
            Assert.Equal(-1.0, scaled.Min(s => s[d]), 1e-12);
            Assert.Equal(1.0, scaled.Max(s => s[d]), 1e-12);
        }
    }
}
