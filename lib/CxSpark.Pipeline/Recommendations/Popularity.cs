using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>The popularity ranking: products by distinct buyers in a recent window; the fallback and the evaluation baseline.</summary>
/// <remarks>
/// The ranking (one row per product) is cached on the server: every top-N list of a run reads it several times (light and
/// heavy customers, each evaluation), and recomputing it from the feedback each time made an evaluation's plan several
/// times larger than its scoring. It is released with the caller's <see cref="CacheScope"/>.
/// </remarks>
public sealed class Popularity
{
    private readonly DataFrame _ranked;

    private Popularity(DataFrame ranked) => _ranked = ranked;

    /// <summary>
    /// Ranks the items of <paramref name="known"/> (<c>user</c>, <c>item</c>, bought or rated in the window) by distinct
    /// users; the score is the share of the window's users who bought the item. The ranking stays cached until
    /// <paramref name="cache"/> ends.
    /// </summary>
    public static async Task<Popularity> FromKnownAsync(DataFrame known, CacheScope cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(cache);
        DataFrame ranked = known.GroupBy("item")
            .Agg(CountDistinct(Col("user")).Alias("buyers"))
            .CrossJoin(known.Agg(CountDistinct(Col("user")).Alias("users")))
            .Select(Col("item"), (Col("buyers") / Col("users")).Alias("score"));
        return new Popularity(await cache.CacheAsync(ranked, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The <paramref name="count"/> most popular items (<c>item</c>, <c>score</c>), ties by item id.</summary>
    public DataFrame Top(int count) => _ranked.OrderBy(Col("score").Desc(), Col("item")).Limit(count);
}
