using CxSpark.Connect.Errors;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Classification;
using CxSpark.Connect.ML.Clustering;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using Xunit.Abstractions;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.ML;

/// <summary>Param errors: refused at once where the check is cheap, otherwise Spark's error with the param named.</summary>
[Collection("Spark")]
public sealed class ParamsTests(SparkServerFixture fixture, ITestOutputHelper output)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public void Setter_ValueOutOfSparkRange_ThrowsNamingOperatorParamAndValue()
    {
        var error = Assert.Throws<InvalidParamException>(() => new ALS { Rank = 0 });

        Assert.Equal("ALS", error.OperatorName);
        Assert.Equal("rank", error.ParamName);
        Assert.Equal(0, error.Value);
        Assert.StartsWith("ALS param 'rank' cannot be 0 (Int32): Spark requires a value >= 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setter_UnknownEnumValue_ThrowsListingSparkChoices()
    {
        var error = Assert.Throws<InvalidParamException>(() => new ALS { ColdStartStrategy = "skip" });

        Assert.Equal("coldStartStrategy", error.ParamName);
        Assert.Contains("\"nan\", \"drop\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetParam_WrongTypeForKnownParam_ThrowsNamingTheExpectedType()
    {
        var kmeans = new KMeans();

        var error = Assert.Throws<InvalidParamException>(() => kmeans.SetParam("k", "three"));

        Assert.Equal("KMeans", error.OperatorName);
        Assert.Equal("k", error.ParamName);
        Assert.Equal("three", error.Value);
        Assert.Contains("Spark expects int", error.Message, StringComparison.Ordinal);
        Assert.False(kmeans.IsSet("k"));
    }

    [Fact]
    public void SetParam_KnownParamByName_GoesThroughTheTypedProperty()
    {
        var als = new ALS();

        als.SetParam("rank", 12L);
        als.SetParam("regParam", 1);
        als.Seed = null;

        Assert.Equal(12, als.Rank);
        Assert.Equal(1.0, als.RegParam);
        Assert.Equal(["rank", "regParam"], als.ParamValues.Keys.Order());
        Assert.Throws<InvalidParamException>(() => als.SetParam("maxIter", -1));
    }

    [Fact]
    public async Task FitAsync_UnknownParam_ThrowsMLExceptionNamingEstimatorParamAndValue()
    {
        var kmeans = new KMeans { K = 3 };
        kmeans.SetParam("noSuchParam", 5);

        MLException error = await Assert.ThrowsAsync<MLException>(() => kmeans.FitAsync(PlantedClusters.Features(_spark)));

        output.WriteLine(error.Message);
        Assert.Equal("KMeans", error.OperatorName);
        Assert.Equal("fit", error.Action);
        Assert.Equal("noSuchParam", error.ParamName);
        Assert.Equal(5, error.ParamValue);
        Assert.StartsWith("KMeans fit failed (param 'noSuchParam' = 5 (Int32))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FitAsync_ValueSparkRejects_ThrowsMLExceptionNamingEstimatorParamAndValue()
    {
        var als = new ALS { UserCol = "userId", ItemCol = "movieId", IntermediateStorageLevel = "NONE" };

        MLException error = await Assert.ThrowsAsync<MLException>(() => als.FitAsync(MovieLens.Ratings(_spark).Limit(100)));

        output.WriteLine(error.Message);
        Assert.Equal("ALS", error.OperatorName);
        Assert.Equal("intermediateStorageLevel", error.ParamName);
        Assert.Equal("NONE", error.ParamValue);
        Assert.Contains("NONE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FitAsync_WrongTypeForParamWithoutProperty_ThrowsMLExceptionNamingEstimatorParamAndValue()
    {
        var regression = new LogisticRegression { MaxIter = 5 };
        regression.SetParam("maxBlockSizeInMB", "big");
        DataFrame labelled = PlantedClusters.Features(_spark).WithColumn("label", (Col("id") % 2).Cast("double"));

        MLException error = await Assert.ThrowsAsync<MLException>(() => regression.FitAsync(labelled));

        output.WriteLine(error.Message);
        Assert.Equal("LogisticRegression", error.OperatorName);
        Assert.Equal("maxBlockSizeInMB", error.ParamName);
        Assert.Equal("big", error.ParamValue);
        Assert.StartsWith("LogisticRegression fit failed (param 'maxBlockSizeInMB' = \"big\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_MissingColumn_ThrowsMLExceptionNamingEvaluator()
    {
        var evaluator = new RegressionEvaluator { LabelCol = "no_such_label" };

        MLException error = await Assert.ThrowsAsync<MLException>(() => evaluator.EvaluateAsync(MovieLens.Ratings(_spark).WithColumnRenamed("rating", "prediction")));

        output.WriteLine(error.Message);
        Assert.Equal("RegressionEvaluator", error.OperatorName);
        Assert.Contains("no_such_label", error.Message, StringComparison.Ordinal);
    }
}
