using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML;

/// <summary>MovieLens latest-small ratings, read as in the reference runs of ../shared/spark/README.md.</summary>
public static class MovieLens
{
    public const string Schema = "userId INT, movieId INT, rating FLOAT, timestamp LONG";

    public static DataFrame Ratings(SparkSession spark) =>
        spark.Read().Schema(Schema).Option("header", true).Csv(RepoPaths.Dataset("movielens-latest-small", "ratings.csv"));
}
