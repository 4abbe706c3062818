using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Profiles;

/// <summary>Builds one profile row per customer with at least one clean purchase.</summary>
/// <remarks>
/// Revenue is <c>quantity × unit_price</c>, summed exactly (<see cref="Money"/>). <c>monetary</c> is net revenue: purchases minus the value of returns
/// (<c>|quantity| × unit_price</c>), so it can be negative when a customer returns goods bought before the data starts.
/// <c>avg_order_value</c> is gross purchase revenue per distinct transaction; <c>return_rate</c> is returned value over
/// gross purchase revenue. Days are counted from the calendar date of a time to <c>reference_date</c> (exclusive end of
/// the observed period). <c>top_category</c> is the category with the highest purchase revenue (ties: the greater
/// name), null without a products table. <c>events_30d</c>/<c>events_90d</c> count events in the 30/90 days before the
/// reference date, null without an events table.
/// </remarks>
public static class CustomerProfiler
{
    /// <summary>The profile of every customer in <paramref name="purchases"/> (clean transactions).</summary>
    /// <param name="purchases">Clean purchase lines with the transactions contract columns.</param>
    /// <param name="returns">Return lines, or null.</param>
    /// <param name="products">Clean products (<c>product_id</c>, <c>category</c>), or null.</param>
    /// <param name="events">Clean events (<c>customer_id</c>, <c>event_time</c>), or null.</param>
    /// <param name="referenceDate">The day after the observed period; recency and tenure are measured to it.</param>
    public static DataFrame Build(DataFrame purchases, DataFrame? returns, DataFrame? products, DataFrame? events, DateOnly referenceDate)
    {
        Column reference = Lit(referenceDate);
        DataFrame profiles = PurchaseAggregates(purchases)
            .Join(ReturnAggregates(returns, purchases), ["customer_id"], JoinType.LeftOuter)
            .Join(TopCategories(purchases, products), ["customer_id"], JoinType.LeftOuter)
            .Join(EventActivity(events, purchases, referenceDate), ["customer_id"], JoinType.LeftOuter);
        Column returned = Coalesce(Col("returned_value"), Lit(0.0));
        return profiles.Select(
            Col("customer_id"),
            Col("first_purchase_time"),
            Col("last_purchase_time"),
            DateDiff(reference, ToDate(Col("last_purchase_time"))).Alias("recency_days"),
            Col("frequency"),
            (Col("gross_revenue") - returned).Alias("monetary"),
            Col("gross_revenue"),
            returned.Alias("returned_value"),
            (Col("gross_revenue") / Col("frequency")).Alias("avg_order_value"),
            DateDiff(reference, ToDate(Col("first_purchase_time"))).Alias("tenure_days"),
            Col("distinct_products"),
            Col("top_category"),
            TryDivide(returned, Col("gross_revenue")).Alias("return_rate"),
            EventCount("events_30d", events is not null),
            EventCount("events_90d", events is not null),
            reference.Alias("reference_date"));
    }

    private static DataFrame PurchaseAggregates(DataFrame purchases) => purchases
        .GroupBy("customer_id")
        .Agg(
            Min(Col("event_time")).Alias("first_purchase_time"),
            Max(Col("event_time")).Alias("last_purchase_time"),
            CountDistinct(Col("transaction_id")).Alias("frequency"),
            Money.Sum(LineRevenue()).Alias("gross_revenue"),
            CountDistinct(Col("product_id")).Alias("distinct_products"));

    private static DataFrame ReturnAggregates(DataFrame? returns, DataFrame purchases)
    {
        if (returns is null)
        {
            return EmptyKeyed(purchases, Lit(null).Cast("DOUBLE").Alias("returned_value"));
        }

        return returns
            .GroupBy("customer_id")
            .Agg(Money.Sum(Abs(Col("quantity")) * Col("unit_price")).Alias("returned_value"));
    }

    private static DataFrame TopCategories(DataFrame purchases, DataFrame? products)
    {
        if (products is null)
        {
            return EmptyKeyed(purchases, Lit(null).Cast("STRING").Alias("top_category"));
        }

        // A dimension table: broadcast, so the purchases are not shuffled by product.
        DataFrame categories = products.Select(Col("product_id"), Col("category")).Filter(Col("category").IsNotNull());
        DataFrame revenueByCategory = purchases
            .Join(categories.Hint("broadcast"), ["product_id"], JoinType.Inner)
            .GroupBy("customer_id", "category")
            .Agg(Money.Sum(LineRevenue()).Alias("category_revenue"));
        Column best = Max(Struct(Col("category_revenue"), Col("category")));
        return revenueByCategory
            .GroupBy("customer_id")
            .Agg(best.Alias("best"))
            .Select(Col("customer_id"), Col("best").GetField("category").Alias("top_category"));
    }

    private static DataFrame EventActivity(DataFrame? events, DataFrame purchases, DateOnly referenceDate)
    {
        if (events is null)
        {
            return EmptyKeyed(purchases, Lit(null).Cast("BIGINT").Alias("events_30d"), Lit(null).Cast("BIGINT").Alias("events_90d"));
        }

        Column end = Lit(new DateTimeOffset(referenceDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        Column in30 = (Col("event_time") >= Lit(StartOf(referenceDate, 30))) & (Col("event_time") < end);
        Column in90 = (Col("event_time") >= Lit(StartOf(referenceDate, 90))) & (Col("event_time") < end);
        // Only the last 90 days are aggregated: a customer without events in them gets 0 from the outer join.
        return events
            .Filter(in90)
            .GroupBy("customer_id")
            .Agg(CountIf(in30).Alias("events_30d"), Count("*").Alias("events_90d"));
    }

    /// <summary>An event count of the profile: 0 for a customer without events, null without an events table.</summary>
    private static Column EventCount(string column, bool hasEvents) => hasEvents ? Coalesce(Col(column), Lit(0L)).Alias(column) : Col(column);

    private static DateTimeOffset StartOf(DateOnly referenceDate, int days) =>
        new(referenceDate.AddDays(-days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static Column LineRevenue() => Col("quantity") * Col("unit_price");

    /// <summary>A frame with the customer key and null columns and no rows, so the profile schema never depends on optional inputs.</summary>
    private static DataFrame EmptyKeyed(DataFrame purchases, params Column[] nullColumns) =>
        purchases.Select([Col("customer_id"), .. nullColumns]).Limit(0);
}
