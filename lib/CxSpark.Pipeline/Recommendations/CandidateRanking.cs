using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>Turns candidate lists into a top-N list per customer that never contains a known (bought or rated) product.</summary>
/// <remarks>
/// <para>
/// The top N is picked within each customer's row with SQL array functions: the row holds the customer's history
/// (<c>known_items</c>), the model's candidates and the shared fallback list, so no candidate row is exploded, shuffled
/// or ranked by a window (at 10M lines that window sorted ~136M candidate rows). Only the N chosen come out as rows.
/// </para>
/// <para>
/// A source is asked for more candidates than N so that N remain after the known products are removed. Asking the model
/// for N + (the largest history) candidates for every customer would make its output as large as customers × the largest
/// history, so customers are grouped by history size into <see cref="HistoryTiers"/>: a customer with h known products is
/// in the first tier whose bound is at least h and gets N + that bound model candidates (the last tier: N + the largest
/// history, capped at <see cref="MaxHistory"/>). ALS's scoring output and its shuffle grow with the candidates asked for, and
/// the tiers keep that within 4× of what each customer needs (at 10M lines, one tier at 50 and one at the largest history
/// asked for 2.6× more). The fallback list is one array of N + min(largest history, <see cref="MaxHistory"/>) items, of
/// which a customer reads only the first N + their history: enough to fill the list whatever the model placed.
/// </para>
/// </remarks>
public static class CandidateRanking
{
    /// <summary>
    /// The history bounds of the candidate tiers, each 4× the previous: a customer with h known products gets N + the first
    /// bound at least h (at most N + the largest history) model candidates.
    /// </summary>
    public static IReadOnlyList<int> HistoryTiers { get; } = [5, 20, 80, 320, 1280, MaxHistory];

    /// <summary>The most known products a candidate list makes room for; heavier customers may get fewer from one source.</summary>
    public const int MaxHistory = 5000;

    /// <summary>
    /// <paramref name="users"/> (<c>user</c>) with their history in <paramref name="known"/> (distinct <c>user</c>,
    /// <c>item</c> pairs): (<c>user</c>, <c>known_items</c>, <c>known_count</c>); a user without history has an empty array.
    /// </summary>
    public static DataFrame WithHistory(DataFrame users, DataFrame known)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(known);
        return users.Select("user")
            .Join(known.GroupBy("user").Agg(CollectList(Col("item")).Alias("known_items")), ["user"], JoinType.LeftOuter)
            .Select(Col("user"), Coalesce(Col("known_items"), Array()).Alias("known_items"))
            .WithColumn("known_count", Size(Col("known_items")).Cast("BIGINT"));
    }

    /// <summary>The largest <c>known_count</c> of <paramref name="users"/> (one aggregate row; 0 without users).</summary>
    public static async Task<long> MaxKnownAsync(DataFrame users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        Row? heaviest = await users.Agg(Max(Col("known_count")).Alias("max")).FirstAsync(cancellationToken).ConfigureAwait(false);
        return heaviest is null || heaviest.IsNullAt(0) ? 0 : heaviest.GetLong("max");
    }

    /// <summary>
    /// Model candidates for <paramref name="users"/> (<c>user</c>, <c>known_count</c>, at most <paramref name="maxKnown"/>)
    /// from <paramref name="source"/>, which returns one row per user of the subset it is given with that many candidates
    /// (as ALS's <c>recommendForUserSubset</c> does).
    /// </summary>
    public static DataFrame Candidates(DataFrame users, long maxKnown, int topN, Func<DataFrame, int, DataFrame> source)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(source);
        DataFrame? candidates = null;
        long below = -1;
        foreach (int bound in HistoryTiers)
        {
            // The last tier also holds the customers above MaxHistory: they get what the cap allows.
            bool isLast = maxKnown <= bound || bound == MaxHistory;
            Column inTier = isLast ? Col("known_count") > below : (Col("known_count") > below) & (Col("known_count") <= bound);
            DataFrame tier = source(users.Filter(inTier).Select("user"), topN + (int)Math.Min(maxKnown, bound));
            candidates = candidates is null ? tier : candidates.Union(tier);
            if (isLast)
            {
                break;
            }

            below = bound;
        }

        return candidates!;
    }

    /// <summary>How many fallback items the top-N lists of users with at most <paramref name="maxKnown"/> known products read.</summary>
    public static int FallbackSize(long maxKnown, int topN) => topN + (int)Math.Min(maxKnown, MaxHistory);

    /// <summary>
    /// The top <paramref name="topN"/> (<c>user</c>, <c>item</c>, <c>score</c>, <c>source</c>, <c>rank</c>) per user of
    /// <paramref name="users"/> (<see cref="WithHistory"/>): the model's candidates first (<c>source</c> "als", in the model's
    /// order), then the <paramref name="fallback"/> items (<c>source</c> "popularity"), never a known item and never an item twice.
    /// </summary>
    /// <param name="users">(<c>user</c>, <c>known_items</c>, <c>known_count</c>).</param>
    /// <param name="topN">The list length.</param>
    /// <param name="modelCandidates">(<c>user</c>, <c>recommendations</c>: array of (<c>item</c>, <c>rating</c>), best first) as ALS returns them (<see cref="Candidates"/>), or null for the fallback alone.</param>
    /// <param name="fallback">(<c>item</c>, <c>score</c>): at least <see cref="FallbackSize"/> items, any order; ties by item id.</param>
    /// <remarks>
    /// After the join with the fallback only functions Spark compiles are used: Spark interprets higher-order functions
    /// (lambdas) element by element, and they stop the whole-stage code generation that keeps the shared fallback array
    /// from being copied into every row. The one lambda orders the model's candidates before that join.
    /// </remarks>
    public static DataFrame TopN(DataFrame users, int topN, DataFrame? modelCandidates, DataFrame fallback)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(fallback);
        // One row: the fallback items, most popular first (ties by item id).
        DataFrame fallbackList = fallback
            .Agg(SortArray(CollectList(Struct((-Col("score")).Alias("order"), Col("item").Alias("item")))).Alias("fallback"))
            .Select(Col("fallback").GetField("item").Alias("fallback"));
        Column known = Col("known_items");
        Column none = Slice(known, 1, 0); // an empty array of items
        DataFrame rows = modelCandidates is null
            ? users.Select(Col("user"), known, Col("known_count"), none.Alias("model_items"), Lit(null).Cast("MAP<INT, FLOAT>").Alias("model_scores"))
            : users.Join(modelCandidates.Select("user", "recommendations"), ["user"], JoinType.LeftOuter)
                .Select(Col("user"), known, Col("known_count"), Col("recommendations"),
                    // The model's order with ties by item id: exact ties are kept in whatever order ALS merged its partial lists.
                    SortArray(Transform(Col("recommendations"), r => Struct((-r.GetField("rating")).Alias("order"), r.GetField("item").Alias("item"))))
                        .GetField("item").Alias("model_order"))
                .Select(Col("user"), known, Col("known_count"),
                    ArrayExcept(Coalesce(Col("model_order"), none), known).Alias("model_items"),
                    MapFromEntries(Col("recommendations")).Alias("model_scores"));

        // The first N + history fallback items always fill the list: at most `history` of them are known and the model
        // keeps fewer than N (otherwise the fallback is not read). array_except keeps the first array's order.
        Column fallbackItems = ArrayExcept(Slice(Col("fallback"), 1, (Col("known_count") + topN).Cast("INT")), Concat(known, Col("model_items")));
        return rows
            .CrossJoin(fallbackList.Hint("broadcast"))
            .Select(Col("user"), Col("model_scores"), Size(Col("model_items")).Alias("from_model"),
                PosExplode(Slice(Concat(Col("model_items"), fallbackItems), 1, topN)))
            .Select(Col("user"), Col("col").Alias("item"), (Col("pos") + 1).Alias("rank"),
                When(Col("pos") < Col("from_model"), Lit("als")).Otherwise(Lit("popularity")).Alias("source"),
                When(Col("pos") < Col("from_model"), ElementAt(Col("model_scores"), Col("col")).Cast("DOUBLE")).Alias("model_score"))
            .Join(fallback.Select(Col("item"), Col("score").Cast("DOUBLE").Alias("fallback_score")).Hint("broadcast"), ["item"], JoinType.LeftOuter)
            .Select(Col("user"), Col("item"), Coalesce(Col("model_score"), Col("fallback_score")).Alias("score"), Col("source"), Col("rank"));
    }
}
