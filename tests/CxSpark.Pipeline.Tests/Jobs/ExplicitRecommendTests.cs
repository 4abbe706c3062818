using System.Globalization;
using System.Text.Json;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>cxspark recommend on explicit feedback: the MovieLens ratings of the bundled sample.</summary>
[Collection("Spark")]
public sealed class ExplicitRecommendTests(SparkServerFixture fixture)
{
    [Fact]
    public async Task Recommend_ExplicitMovieLensRatings_RmseOnTheLastTwoYearsBeatsTheMeanRating()
    {
        string output = RepoPaths.NewTempDir("explicit-out");
        ProcessResult clean = await Cxspark.RunAsync("clean", "--output", output, "--run-date", "2018-12-31", "--remote", fixture.Remote);
        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.ToString());

        ProcessResult result = await Cxspark.RunAsync("recommend", "--output", output, "--run-date", "2018-12-31", "--remote", fixture.Remote,
            "--set", "Recommend:Feedback=explicit", "--set", "Recommend:HoldoutDays=730", "--set", "Recommend:ValidationDays=730",
            "--set", "Recommend:SimilarProducts=0", "--set", "Recommend:Ranks=10");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        JsonElement manifest = Cxspark.Manifest(output, "recommend");
        JsonElement metrics = manifest.GetProperty("metrics");
        Assert.Equal("false", manifest.GetProperty("models").GetProperty("recommend.als").GetProperty("implicitPrefs").GetString());
        double rmse = metrics.GetProperty("recommend.holdout.als.rmse").GetDouble();

        // The mean rating of the training data as the prediction for every holdout rating of a known user and movie
        // (ALS drops the others: coldStartStrategy "drop"); the latest rating of a pair counts, as in the job.
        string ratings = DuckDb.Table(output, "clean/ratings");
        object?[] baseline = DuckDb.Row($"""
            WITH bounds AS (SELECT CAST(max(event_time) AS DATE) + 1 - 730 AS holdout FROM {ratings}),
            train AS (SELECT r.* FROM {ratings} r, bounds b WHERE r.event_time < b.holdout),
            test AS (SELECT customer_id, product_id, arg_max(rating, event_time) AS rating FROM {ratings} r, bounds b
                     WHERE r.event_time >= b.holdout GROUP BY customer_id, product_id),
            mean AS (SELECT avg(rating) AS m FROM (SELECT arg_max(rating, event_time) AS rating FROM train GROUP BY customer_id, product_id))
            SELECT sqrt(avg((t.rating - mean.m) ^ 2)), count(*) FROM test t, mean
            WHERE t.customer_id IN (SELECT customer_id FROM train) AND t.product_id IN (SELECT product_id FROM train)
            """);
        double meanRmse = Convert.ToDouble(baseline[0], CultureInfo.InvariantCulture);
        Assert.True(Convert.ToInt64(baseline[1]) > 1_000, $"{baseline[1]} holdout ratings");
        Assert.True(rmse < meanRmse, $"ALS RMSE {rmse} vs mean-rating RMSE {meanRmse}");
        Assert.InRange(rmse, 0.5, 1.2);

        // Every rater gets 10 movies they have not rated.
        object?[] served = DuckDb.Row($"""
            SELECT count(DISTINCT customer_id) FILTER (customer_id LIKE 'ml-u%'), count(*) FILTER (customer_id LIKE 'ml-u%'),
                   (SELECT count(*) FROM {DuckDb.Table(output, "recommendations")} r JOIN {ratings} x USING (customer_id, product_id))
            FROM {DuckDb.Table(output, "recommendations")}
            """);
        Assert.Equal([610L, 6_100L, 0L], served.Select(Convert.ToInt64).ToArray());
    }
}
