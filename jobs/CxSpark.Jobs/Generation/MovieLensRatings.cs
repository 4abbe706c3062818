using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Jobs.Generation;

/// <summary>Writes MovieLens ratings (<c>ratings.csv</c>: userId, movieId, rating, timestamp) as the contract's ratings table.</summary>
/// <remarks>
/// Ids get prefixes (<c>ml-u1</c>, <c>ml-m31</c>) so they can never be mistaken for the customers and products of another
/// table in the same raw zone; the Unix timestamp becomes <c>event_time</c>.
/// </remarks>
public static class MovieLensRatings
{
    /// <summary>The CSV schema of <c>ratings.csv</c>.</summary>
    public const string CsvSchema = "userId INT, movieId INT, rating DOUBLE, timestamp BIGINT";

    /// <summary>Writes <c>&lt;output&gt;/ratings</c> and returns its row count.</summary>
    public static async Task<long> WriteAsync(SparkSession spark, string ratingsCsv, string output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spark);
        DataFrame ratings = spark.Read().Schema(CsvSchema).Option("header", true).Csv(ratingsCsv).Select(
            Concat(Lit("ml-u"), Col("userId").Cast("STRING")).Alias("customer_id"),
            Concat(Lit("ml-m"), Col("movieId").Cast("STRING")).Alias("product_id"),
            Col("rating"),
            TimestampSeconds(Col("timestamp")).Alias("event_time"));
        string path = output.TrimEnd('/') + "/ratings";
        await ratings.Coalesce(1).Write().Mode(SaveMode.Overwrite).Option("compression", "zstd").ParquetAsync(path, cancellationToken).ConfigureAwait(false);
        return await spark.Read().Parquet(path).CountAsync(cancellationToken).ConfigureAwait(false);
    }
}
