using CxSpark.Connect.Errors;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Clustering;
using CxSpark.Connect.Sql;
using Xunit.Abstractions;

namespace CxSpark.Connect.IntegrationTests.ML;

/// <summary>Model lifetime and attributes: deletion on dispose, generic attribute fetches.</summary>
[Collection("Spark")]
public sealed class ModelTests(SparkServerFixture fixture, ITestOutputHelper output)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task DisposeAsync_FittedModel_IsGoneFromServer()
    {
        DataFrame features = PlantedClusters.Features(_spark);
        KMeansModel model = await new KMeans { K = 3, Seed = 1 }.FitAsync(features);
        DataFrame predictions = model.Summary.Predictions;
        DataFrame transformed = model.Transform(features);
        Assert.Equal(300, await predictions.CountAsync());

        await model.DisposeAsync();
        await model.DisposeAsync();

        var fetchError = await Assert.ThrowsAnyAsync<SparkServerException>(() => predictions.CountAsync());
        var transformError = await Assert.ThrowsAnyAsync<SparkServerException>(() => transformed.CountAsync());
        output.WriteLine(fetchError.Message);
        Assert.Contains("CACHE_INVALID", fetchError.ErrorClass ?? fetchError.Message, StringComparison.Ordinal);
        Assert.Contains("CACHE_INVALID", transformError.ErrorClass ?? transformError.Message, StringComparison.Ordinal);
        Assert.True(model.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => model.ClusterCentersAsync());
    }

    [Fact]
    public async Task GetAttributeAsync_ChainAndFrame_FetchByName()
    {
        await using KMeansModel model = await new KMeans { K = 3, Seed = 1 }.FitAsync(PlantedClusters.Features(_spark));

        object? cost = await model.GetAttributeAsync("summary.trainingCost");
        object? numFeatures = await model.GetAttributeAsync("numFeatures");
        long clustered = await model.GetAttributeFrame("summary.cluster").CountAsync();

        Assert.Equal(await model.Summary.TrainingCostAsync(), Assert.IsType<double>(cost));
        Assert.Equal(2, numFeatures);
        Assert.Equal(300, clustered);
    }

    [Fact]
    public async Task GetAttributeAsync_NotAllowListed_ThrowsMLExceptionNamingModelAndAttribute()
    {
        await using KMeansModel model = await new KMeans { K = 3, Seed = 1 }.FitAsync(PlantedClusters.Features(_spark));

        MLException error = await Assert.ThrowsAsync<MLException>(() => model.GetAttributeAsync("clusterCenters"));

        output.WriteLine(error.Message);
        Assert.Equal("KMeansModel", error.OperatorName);
        Assert.Equal("fetch clusterCenters", error.Action);
        Assert.StartsWith("KMeansModel fetch clusterCenters failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("clusterCenters", error.Message, StringComparison.Ordinal);
    }
}
