using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>Recommendations for customers without any feedback: the most popular products, served from popularity alone.</summary>
public static class Newcomers
{
    /// <summary>
    /// The top <paramref name="topN"/> popular products (<c>customer_id</c>, <c>product_id</c>, <c>score</c>, <c>source</c>,
    /// <c>rank</c>) for every customer of <paramref name="customers"/> (<c>customer_id</c>) that <paramref name="index"/> does not know.
    /// </summary>
    public static DataFrame Recommend(DataFrame customers, IdIndex index, Popularity popularity, int topN)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(popularity);
        return customers.Select("customer_id").Distinct()
            .Join(index.Customers, ["customer_id"], JoinType.LeftAnti)
            .CrossJoin(popularity.Top(topN).Hint("broadcast"))
            .WithColumn("rank", RowNumber().Over(Window.PartitionBy("customer_id").OrderBy(Col("score").Desc(), Col("item"))))
            .Join(index.Products.Hint("broadcast"), ["item"], JoinType.Inner)
            .Select(Col("customer_id"), Col("product_id"), Col("score").Cast("DOUBLE").Alias("score"), Lit("popularity").Alias("source"), Col("rank"));
    }
}
