using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using Xunit.Abstractions;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.ML.Recommendation;

/// <summary>Explicit ALS on MovieLens against the PySpark reference (RMSE 0.8814), recommendations, factors, save and load.</summary>
[Collection("Spark")]
public sealed class ALSTests(SparkServerFixture fixture, ITestOutputHelper output)
{
    private const double ReferenceRmse = 0.8814;
    private static Task<(ALSModel Model, DataFrame Test)>? s_reference;

    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_MovieLensReferenceSplit_TestRmseMatchesPySpark()
    {
        (ALSModel model, DataFrame test) = await ReferenceModelAsync();

        double rmse = await new RegressionEvaluator { LabelCol = "rating", MetricName = "rmse" }.EvaluateAsync(model.Transform(test));
        output.WriteLine($"test RMSE {rmse:F4} (reference {ReferenceRmse})");

        Assert.InRange(rmse, ReferenceRmse - 0.002, ReferenceRmse + 0.002);
    }

    [Fact]
    public async Task RecommendForAllUsers_Ten_GivesTenItemsForEachOf610Users()
    {
        (ALSModel model, _) = await ReferenceModelAsync();
        DataFrame recommendations = model.RecommendForAllUsers(10);

        Row row = Assert.Single(await recommendations
            .Agg(Count("*").Alias("users"), Min(Size(Col("recommendations"))).Alias("fewest"), Max(Size(Col("recommendations"))).Alias("most"))
            .CollectAsync());

        Assert.Equal(610, row.GetLong("users"));
        Assert.Equal(10, row.GetInt("fewest"));
        Assert.Equal(10, row.GetInt("most"));
        Assert.Equal(["userId", "recommendations"], await recommendations.ColumnsAsync());
    }

    [Fact]
    public async Task RecommendForUserSubset_ThreeUsers_GivesRatingsInDescendingOrder()
    {
        (ALSModel model, _) = await ReferenceModelAsync();
        DataFrame users = _spark.CreateDataFrame([[1], [2], [3]], "userId INT");

        IReadOnlyList<Row> rows = await model.RecommendForUserSubset(users, 5).OrderBy("userId").CollectAsync();

        Assert.Equal([1, 2, 3], rows.Select(r => r.GetInt("userId")));
        foreach (Row row in rows)
        {
            float[] ratings = row.GetArray<Row>("recommendations")!.Select(r => r.Get<float>("rating")).ToArray();
            Assert.Equal(5, ratings.Length);
            Assert.Equal(ratings.OrderByDescending(r => r), ratings);
        }
    }

    [Fact]
    public async Task RecommendForAllItems_AndItemSubset_RecommendUsers()
    {
        (ALSModel model, _) = await ReferenceModelAsync();
        DataFrame items = _spark.CreateDataFrame([[1], [50]], "movieId INT");

        long itemsWithRecommendations = await model.RecommendForAllItems(3).CountAsync();
        IReadOnlyList<Row> subset = await model.RecommendForItemSubset(items, 4).OrderBy("movieId").CollectAsync();

        Assert.Equal(await model.ItemFactors.CountAsync(), itemsWithRecommendations);
        Assert.Equal([1, 50], subset.Select(r => r.GetInt("movieId")));
        Assert.All(subset, r => Assert.Equal(4, r.GetArray<Row>("recommendations")!.Length));
    }

    [Fact]
    public async Task RankAndFactors_ReferenceModel_HaveRankTenAndOneRowPerUser()
    {
        (ALSModel model, _) = await ReferenceModelAsync();

        int rank = await model.RankAsync();
        Row first = (await model.UserFactors.OrderBy("id").TakeAsync(1))[0];

        Assert.Equal(10, rank);
        Assert.Equal(610, await model.UserFactors.CountAsync());
        Assert.Equal(10, first.GetArray<float>("features")!.Length);
    }

    [Fact]
    public async Task Transform_ColdStartNan_KeepsUnknownUsersWithNaN()
    {
        (ALSModel model, _) = await ReferenceModelAsync();
        DataFrame unknown = _spark.CreateDataFrame([[999_999, 1, 4.0f, 0L], [1, 1, 4.0f, 0L]], MovieLens.Schema);

        model.ColdStartStrategy = "nan";
        IReadOnlyList<Row> kept;
        try
        {
            kept = await model.Transform(unknown).OrderBy("userId").CollectAsync();
        }
        finally
        {
            model.ColdStartStrategy = "drop";
        }

        IReadOnlyList<Row> dropped = await model.Transform(unknown).CollectAsync();
        Assert.Equal(2, kept.Count);
        Assert.False(float.IsNaN(kept[0].Get<float>("prediction")));
        Assert.True(float.IsNaN(kept[1].Get<float>("prediction")));
        Assert.Equal(1, Assert.Single(dropped).GetInt("userId"));
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_GivesIdenticalPredictions()
    {
        (ALSModel model, DataFrame test) = await ReferenceModelAsync();
        string path = Path.Combine(RepoPaths.NewTempDir("als-model"), "model");

        await model.SaveAsync(path, overwrite: true);
        await model.SaveAsync(path, overwrite: true);
        await using ALSModel loaded = await ALSModel.LoadAsync(_spark, path);

        Assert.Equal(model.Uid, loaded.Uid);
        Assert.Equal("drop", loaded.ColdStartStrategy);
        Assert.Equal(await Predictions(model, test), await Predictions(loaded, test));
    }

    [Fact]
    public async Task SaveAsync_EstimatorThenLoadAsync_KeepsParams()
    {
        var als = new ALS { Rank = 7, RegParam = 0.25, ImplicitPrefs = true, Seed = 3, UserCol = "u" };
        string path = Path.Combine(RepoPaths.NewTempDir("als-estimator"), "als");

        await als.SaveAsync(_spark, path);
        ALS loaded = await ALS.LoadAsync(_spark, path);

        Assert.Equal(als.Uid, loaded.Uid);
        Assert.Equal(7, loaded.Rank);
        Assert.Equal(0.25, loaded.RegParam);
        Assert.True(loaded.ImplicitPrefs);
        Assert.Equal(3L, loaded.Seed);
        Assert.Equal("u", loaded.UserCol);
    }

    private static async Task<List<(int User, int Item, float Prediction)>> Predictions(ALSModel model, DataFrame test) =>
        (await model.Transform(test).Select("userId", "movieId", "prediction").OrderBy("userId", "movieId").CollectAsync())
            .Select(r => (r.GetInt("userId"), r.GetInt("movieId"), r.Get<float>("prediction")))
            .ToList();

    private Task<(ALSModel Model, DataFrame Test)> ReferenceModelAsync() => s_reference ??= FitReferenceAsync();

    private async Task<(ALSModel Model, DataFrame Test)> FitReferenceAsync()
    {
        DataFrame[] split = MovieLens.Ratings(_spark).RandomSplit([0.8, 0.2], seed: 42);
        var als = new ALS
        {
            UserCol = "userId",
            ItemCol = "movieId",
            RatingCol = "rating",
            Rank = 10,
            MaxIter = 10,
            RegParam = 0.1,
            Seed = 42,
            ColdStartStrategy = "drop",
        };
        ALSModel model = await als.FitAsync(split[0]);
        return (model, split[1]);
    }
}
