using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using CxSpark.Pipeline.Recommendations;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Recommendations;

/// <summary>The SQL id tables give the ids MLlib's StringIndexer (frequencyDesc) gives, and map back what they index.</summary>
[Collection("Spark")]
public sealed class IdIndexTests(SparkServerFixture fixture)
{
    // c2 is in 3 pairs, c1 and c3 in 2 (tie: c1 first), c0 in 1; p1 in 3, p0/p2 in 2 (tie), p9 in 1.
    private static readonly object?[][] s_pairs =
        [["c2", "p1"], ["c2", "p0"], ["c2", "p2"], ["c1", "p1"], ["c1", "p9"], ["c3", "p1"], ["c3", "p0"], ["c0", "p2"]];

    [Fact]
    public async Task FitAsync_Pairs_SameIdsAsStringIndexerFrequencyDesc()
    {
        DataFrame pairs = fixture.Spark.CreateDataFrame(s_pairs, "customer_id STRING, product_id STRING");
        await using StringIndexerModel reference = await new StringIndexer
        {
            InputCols = ["customer_id", "product_id"],
            OutputCols = ["user_index", "item_index"],
            StringOrderType = "frequencyDesc",
        }.FitAsync(pairs);
        string[] expected = Pairs(await reference.Transform(pairs).Select(
            Col("customer_id"), Col("product_id"), Col("user_index").Cast("INT").Alias("user"), Col("item_index").Cast("INT").Alias("item")).CollectAsync());

        await using var cache = new CacheScope();
        IdIndex index = await IdIndex.FitAsync(pairs, cache);

        string[] actual = Pairs(await index.Index(pairs).Select("customer_id", "product_id", "user", "item").CollectAsync());
        Assert.Equal(expected, actual);
        Assert.Contains("c1 p9 1 3", actual);
        Assert.Equal(["c2 0", "c1 1", "c3 2", "c0 3"], (await index.Customers.OrderBy(Col("user")).CollectAsync()).Select(r => $"{r.GetString("customer_id")} {r.GetInt("user")}"));
        string[] mappedBack = Pairs(await index.Unindex(index.Index(pairs).Drop("customer_id", "product_id"))
            .Select(Col("customer_id"), Col("product_id"), Lit(0).Alias("user"), Lit(0).Alias("item")).CollectAsync());
        Assert.Equal(s_pairs.Select(p => $"{p[0]} {p[1]} 0 0").Order(StringComparer.Ordinal), mappedBack);
    }

    private static string[] Pairs(IEnumerable<Row> rows) =>
        [.. rows.Select(r => $"{r.GetString("customer_id")} {r.GetString("product_id")} {r.GetInt("user")} {r.GetInt("item")}").Order(StringComparer.Ordinal)];
}
