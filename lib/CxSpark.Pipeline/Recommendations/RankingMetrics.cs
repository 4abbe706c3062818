using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>Ranking quality of top-k lists against the items users actually took in an evaluation window.</summary>
/// <param name="Users">Users evaluated: those with at least one relevant item.</param>
/// <param name="Precision">Mean over users of hits in the top k / k.</param>
/// <param name="Recall">Mean over users of hits in the top k / relevant items.</param>
/// <param name="Ndcg">Mean over users of DCG@k / ideal DCG@k, binary relevance, gain 1/log2(rank + 1).</param>
/// <param name="Coverage">Distinct recommended items / items in the catalogue.</param>
public sealed record RankingMetrics(long Users, double Precision, double Recall, double Ndcg, double Coverage)
{
    /// <summary>
    /// Computes the metrics in Spark (one small aggregate comes back) for <paramref name="recommendations"/>
    /// (<c>user</c>, <c>item</c>, <c>rank</c> from 1) against <paramref name="relevant"/> (<c>user</c>, <c>item</c>);
    /// users without a relevant item are not evaluated, users without recommendations count as zero.
    /// </summary>
    public static async Task<RankingMetrics> ComputeAsync(
        DataFrame recommendations, DataFrame relevant, int k, long catalogueSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(relevant);
        // Cached while the metrics are computed: hits and coverage both read the top-k lists, and without the cache their
        // whole plan (ALS scoring included) ran twice in the one query.
        await using var cache = new CacheScope();
        DataFrame topK = await cache.CacheAsync(recommendations.Filter(Col("rank") <= k).Select("user", "item", "rank"), cancellationToken).ConfigureAwait(false);
        DataFrame relevantPairs = relevant.Select("user", "item").Distinct();
        DataFrame hits = topK.Join(relevantPairs, ["user", "item"], JoinType.Inner)
            .GroupBy("user")
            .Agg(Count("*").Alias("hits"), Sum(Lit(1.0) / Log2(Col("rank") + 1)).Alias("dcg"));
        DataFrame perUser = relevantPairs
            .GroupBy("user").Agg(Count("*").Alias("relevant"))
            .Join(hits, ["user"], JoinType.LeftOuter)
            .Select(
                (Coalesce(Col("hits"), Lit(0L)) / (double)k).Alias("precision"),
                (Coalesce(Col("hits"), Lit(0L)) / Col("relevant")).Alias("recall"),
                (Coalesce(Col("dcg"), Lit(0.0)) / Expr($"aggregate(sequence(1, least({k}, relevant)), 0D, (acc, i) -> acc + 1D / log2(i + 1))")).Alias("ndcg"));
        Row totals = (await perUser.Agg(
                Count("*").Alias("users"), Avg(Col("precision")).Alias("precision"), Avg(Col("recall")).Alias("recall"), Avg(Col("ndcg")).Alias("ndcg"))
            .CrossJoin(topK.Agg(CountDistinct(Col("item")).Alias("recommended")))
            .FirstAsync(cancellationToken).ConfigureAwait(false))!;

        long users = totals.GetLong("users");
        return new RankingMetrics(
            users,
            users == 0 ? 0 : totals.GetDouble("precision"),
            users == 0 ? 0 : totals.GetDouble("recall"),
            users == 0 ? 0 : totals.GetDouble("ndcg"),
            catalogueSize == 0 ? 0 : (double)totals.GetLong("recommended") / catalogueSize);
    }
}
