using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>
/// The customer × product feedback the recommender learns from, cut into time windows: implicit (purchases plus
/// weighted events) or explicit (ratings).
/// </summary>
/// <remarks>
/// Signals have <c>customer_id</c>, <c>product_id</c>, <c>event_time</c>, <c>weight</c> and <c>is_known</c>; after
/// <see cref="IndexedAsync"/> the ids are ALS's integer <c>user</c> and <c>item</c>. Implicit strength of a
/// pair is <c>log1p(Σ weight × decay)</c>, where a purchase counts once per distinct transaction and events count with their
/// configured weights; explicit strength is the pair's latest rating. Only purchases (or, for explicit feedback,
/// ratings) make a pair <em>known</em>: known pairs are never recommended and are the relevant items of an evaluation
/// window.
/// </remarks>
public sealed class Feedback
{
    private readonly DataFrame _signals;
    private readonly DataFrame _knownTimes;
    private readonly string _user;
    private readonly string _item;

    /// <param name="signals">The signals.</param>
    /// <param name="knownTimes">The rows whose <c>event_time</c> span is the feedback's (<see cref="SpanAsync"/>): the known signals, or the lines they come from.</param>
    /// <param name="isExplicit">Whether the strength is an explicit rating.</param>
    /// <param name="user">The user id column.</param>
    /// <param name="item">The item id column.</param>
    private Feedback(DataFrame signals, DataFrame knownTimes, bool isExplicit, string user = "customer_id", string item = "product_id")
    {
        _signals = signals;
        _knownTimes = knownTimes;
        IsExplicit = isExplicit;
        _user = user;
        _item = item;
    }

    /// <summary>Whether the strength is an explicit rating.</summary>
    public bool IsExplicit { get; }

    /// <summary>Implicit feedback from clean purchase lines and, when present, clean events.</summary>
    public static Feedback Implicit(DataFrame purchases, DataFrame? events, EventWeights weights)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(weights);
        DataFrame signals = purchases
            .Select(Col("customer_id"), Col("product_id"), Col("transaction_id"), Col("event_time"))
            .DropDuplicates("customer_id", "product_id", "transaction_id")
            .Select(Col("customer_id"), Col("product_id"), Col("event_time"), Lit(1.0).Alias("weight"), Lit(true).Alias("is_known"));
        if (events is not null)
        {
            Column weight = When(Col("event_type") == "add_to_cart", weights.Cart)
                .When(Col("event_type") == "wishlist", weights.Wishlist)
                .When(Col("event_type") == "view", weights.View)
                .Otherwise(0.0);
            signals = signals.Union(events
                .Filter(Col("product_id").IsNotNull())
                .Select(Col("customer_id"), Col("product_id"), Col("event_time"), weight.Alias("weight"), Lit(false).Alias("is_known"))
                .Filter(Col("weight") > 0));
        }

        // The span is read from the purchase lines themselves, without the de-duplication (a shuffle) the signals need.
        return new Feedback(signals, purchases.Select("event_time"), isExplicit: false);
    }

    /// <summary>Explicit feedback from clean ratings; a rating without a time counts as the oldest.</summary>
    public static Feedback Explicit(DataFrame ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        DataFrame signals = ratings.Select(
            Col("customer_id"), Col("product_id"),
            Coalesce(Col("event_time"), Lit(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc))).Alias("event_time"),
            Col("rating").Cast("DOUBLE").Alias("weight"), Lit(true).Alias("is_known"));
        return new Feedback(signals, signals.Select("event_time"), isExplicit: true);
    }

    /// <summary>
    /// The same feedback keyed by <paramref name="index"/>'s integer <c>user</c> and <c>item</c> ids and cached on the
    /// server until <paramref name="cache"/> ends (every window of the stage reads it).
    /// </summary>
    public async Task<Feedback> IndexedAsync(IdIndex index, CacheScope cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(cache);
        DataFrame indexed = await cache.CacheAsync(index.Index(_signals).Drop("customer_id", "product_id"), cancellationToken).ConfigureAwait(false);
        return new Feedback(indexed, indexed.Filter(Col("is_known")).Select("event_time"), IsExplicit, "user", "item");
    }

    /// <summary>The signals in [<paramref name="from"/>, <paramref name="until"/>); null bounds are open.</summary>
    public DataFrame Signals(DateTime? from = null, DateTime? until = null)
    {
        DataFrame frame = _signals;
        if (from is { } start)
        {
            frame = frame.Filter(Col("event_time") >= Lit(start));
        }

        if (until is { } end)
        {
            frame = frame.Filter(Col("event_time") < Lit(end));
        }

        return frame;
    }

    /// <summary>
    /// One row per pair with its strength (the two ids and <c>strength</c>) in a window. Implicit signals decay with
    /// their age at the window's end: weight × exp(−age in days / <paramref name="decayDays"/>), so recent interest counts
    /// more than last year's (0 or no end: no decay).
    /// </summary>
    public DataFrame Strengths(DateTime? from = null, DateTime? until = null, double decayDays = 0)
    {
        DataFrame signals = Signals(from, until);
        if (IsExplicit)
        {
            return signals.GroupBy(_user, _item).Agg(MaxBy(Col("weight"), Col("event_time")).Alias("strength"));
        }

        Column weight = Col("weight");
        if (decayDays > 0 && until is { } end)
        {
            Column age = DateDiff(Lit(DateOnly.FromDateTime(end)), ToDate(Col("event_time")));
            weight *= Exp(age * (-1.0 / decayDays));
        }

        return signals.GroupBy(_user, _item).Agg(Log1p(Sum(weight)).Alias("strength"));
    }

    /// <summary>The distinct known pairs (the two ids) in a window: bought or rated.</summary>
    public DataFrame Known(DateTime? from = null, DateTime? until = null) =>
        Signals(from, until).Filter(Col("is_known")).Select(_user, _item).Distinct();

    /// <summary>The known signals' time span: the first time and the day after the last (UTC dates), or null without signals.</summary>
    public async Task<(DateTime First, DateTime End)?> SpanAsync(CancellationToken cancellationToken = default)
    {
        Row? row = await _knownTimes
            .Agg(Min(Col("event_time")).Alias("first"), DateAdd(Max(ToDate(Col("event_time"))), 1).Alias("end"))
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        if (row is null || row.IsNullAt(0))
        {
            return null;
        }

        return (row.GetTimestamp("first").UtcDateTime, row.GetDate("end").ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }
}
