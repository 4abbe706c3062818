using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;
using MathNet.Numerics.Statistics;

namespace CxSpark.Connect.IntegrationTests.ML.Feature;

[Collection("Spark")]
public sealed class StandardScalerTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_PlantedPoints_MeanAndStdMatchCSharpAndScaledColumnIsStandardised()
    {
        DataFrame features = PlantedClusters.Features(_spark);
        var scaler = new StandardScaler { InputCol = "features", OutputCol = "scaled", WithMean = true, WithStd = true };

        await using StandardScalerModel model = await scaler.FitAsync(features);
        double[] mean = await model.MeanAsync();
        double[] std = await model.StdAsync();
        IReadOnlyList<Row> rows = await model.Transform(features).Select("scaled").CollectAsync();

        for (int d = 0; d < 2; d++)
        {
            double[] column = PlantedClusters.Points.Select(p => p[d]).ToArray();
            Assert.Equal(column.Mean(), mean[d], 1e-9);
            Assert.Equal(column.StandardDeviation(), std[d], 1e-9);
            double[] scaled = rows.Select(r => ((double[])r["scaled"]!)[d]).ToArray();
            Assert.Equal(0.0, scaled.Mean(), 1e-9);
            Assert.Equal(1.0, scaled.StandardDeviation(), 1e-9);
        }

        Assert.Equal("scaled", model.OutputCol);
    }
}
