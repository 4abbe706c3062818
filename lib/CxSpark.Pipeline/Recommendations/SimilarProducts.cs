using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>"Customers who bought this also bought": the nearest products by cosine similarity of ALS item factors.</summary>
/// <remarks>
/// Every pair of products the model knows is scored (products × products dot products of rank-length vectors, in
/// Spark), which is fine for catalogues of tens of thousands of products.
/// </remarks>
public static class SimilarProducts
{
    /// <summary>The top <paramref name="count"/> (<c>item</c>, <c>similar_item</c>, <c>similarity</c>, <c>rank</c>) per item.</summary>
    public static DataFrame Build(ALSModel model, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        DataFrame unit = model.ItemFactors
            .Select(Col("id").Alias("item"), Col("features"))
            .SelectExpr("item", "transform(features, x -> x / sqrt(aggregate(features, 0D, (s, y) -> s + y * y))) AS v")
            .Filter(Expr("NOT exists(v, x -> isnan(x))"));
        DataFrame other = unit.Select(Col("item").Alias("similar_item"), Col("v").Alias("w"));
        return unit.CrossJoin(other)
            .Filter(Col("item") != Col("similar_item"))
            .SelectExpr("item", "similar_item", "aggregate(zip_with(v, w, (x, y) -> x * y), 0D, (s, p) -> s + p) AS similarity")
            .WithColumn("rank", RowNumber().Over(Window.PartitionBy("item").OrderBy(Col("similarity").Desc(), Col("similar_item"))))
            .Filter(Col("rank") <= count);
    }
}
