using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>Turns scored candidates into a top-N list per customer that never contains a known (bought or rated) product.</summary>
/// <remarks>
/// A source (the ALS model, the popularity list) is asked for more candidates than N so that N remain after the known
/// products are removed. Asking every customer for N + (the largest history) candidates would make the candidate table
/// as large as customers × the largest history, so customers are split: those with at most
/// <see cref="LightHistory"/> known products get N + <see cref="LightHistory"/> candidates, the others
/// N + their group's largest history (capped at <see cref="MaxHistory"/>).
/// </remarks>
public static class CandidateRanking
{
    /// <summary>The history size up to which a customer is served from the small candidate list.</summary>
    public const int LightHistory = 50;

    /// <summary>The most known products a candidate list makes room for; heavier customers may get fewer from one source.</summary>
    public const int MaxHistory = 5000;

    /// <summary>The largest <c>known_count</c> of <paramref name="users"/> (one aggregate row; 0 without users).</summary>
    public static async Task<long> MaxKnownAsync(DataFrame users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        Row? heaviest = await users.Agg(Max(Col("known_count")).Alias("max")).FirstAsync(cancellationToken).ConfigureAwait(false);
        return heaviest is null || heaviest.IsNullAt(0) ? 0 : heaviest.GetLong("max");
    }

    /// <summary>
    /// Candidates (<c>user</c>, <c>item</c>, <c>score</c>) for <paramref name="users"/> (<c>user</c>, <c>known_count</c>, at
    /// most <paramref name="maxKnown"/>) from <paramref name="source"/>, which returns that many candidates per user of the
    /// subset it is given.
    /// </summary>
    public static DataFrame Candidates(DataFrame users, long maxKnown, int topN, Func<DataFrame, int, DataFrame> source)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(source);
        DataFrame light = source(users.Filter(Col("known_count") <= LightHistory).Select("user"), topN + (int)Math.Min(maxKnown, LightHistory));
        if (maxKnown <= LightHistory)
        {
            return light;
        }

        DataFrame heavy = source(users.Filter(Col("known_count") > LightHistory).Select("user"), topN + (int)Math.Min(maxKnown, MaxHistory));
        return light.Union(heavy);
    }

    /// <summary>
    /// The top <paramref name="topN"/> (<c>user</c>, <c>item</c>, <c>score</c>, <c>source</c>, <c>rank</c>) per user from
    /// candidate sources in priority order, without the <paramref name="known"/> (<c>user</c>, <c>item</c>) pairs and
    /// without repeating an item a higher-priority source already placed.
    /// </summary>
    public static DataFrame TopN(DataFrame known, int topN, params (string Source, DataFrame Candidates)[] sources)
    {
        ArgumentNullException.ThrowIfNull(known);
        DataFrame? all = null;
        for (int priority = 0; priority < sources.Length; priority++)
        {
            DataFrame tagged = sources[priority].Candidates.Select(
                Col("user"), Col("item"), Col("score").Cast("DOUBLE").Alias("score"),
                Lit(sources[priority].Source).Alias("source"), Lit(priority).Alias("priority"));
            all = all is null ? tagged : all.Union(tagged);
        }

        if (all is null)
        {
            throw new ArgumentException("at least one candidate source is needed.", nameof(sources));
        }

        return all
            .Join(known.Select("user", "item"), ["user", "item"], JoinType.LeftAnti)
            .WithColumn("first", RowNumber().Over(Window.PartitionBy("user", "item").OrderBy(Col("priority"), Col("score").Desc())))
            .Filter(Col("first") == 1)
            .WithColumn("rank", RowNumber().Over(Window.PartitionBy("user").OrderBy(Col("priority"), Col("score").Desc(), Col("item"))))
            .Filter(Col("rank") <= topN)
            .Select("user", "item", "score", "source", "rank");
    }

    /// <summary>Flattens ALS <c>recommendFor…</c> output (<c>user</c>, <c>recommendations</c>) to (<c>user</c>, <c>item</c>, <c>score</c>).</summary>
    public static DataFrame Flatten(DataFrame recommendations) => recommendations
        .Select(Col("user"), Explode(Col("recommendations")).Alias("r"))
        .Select(Col("user"), Col("r").GetField("item").Alias("item"), Col("r").GetField("rating").Alias("score"));
}
