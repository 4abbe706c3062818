using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Jobs.Generation;

/// <summary>Generates a raw zone (customers, products, transactions with returns, events) entirely in Spark SQL.</summary>
/// <remarks>
/// Customers fall into four groups with different habits: one-timers (one order), regulars (about 4 orders), bargain
/// hunters (many small discounted orders) and loyal big spenders (about 15 large orders). Product popularity is skewed
/// (product index = ⌊P·u³⌋ for uniform u, so a few products sell most). About 4 % of lines are returned a week later
/// (id prefix <c>C</c>, negative quantity), 0.5 % of lines lack a customer id, and each line has a few preceding events.
/// Every random column is <c>rand(seed + k)</c> over ranges with a fixed partition count, so output is reproducible.
/// </remarks>
public sealed class SyntheticRawZone
{
    private const double ReturnShare = 0.04;
    private const double RegularOrders = 3.0;
    private const double BargainOrders = 6.0;
    private const double LoyalOrders = 14.0;
    private const double BigBasket = 6.0;
    private const double UsualBasket = 2.5;

    private static readonly (string Group, double Share, double? MeanOrders, double MeanBasket)[] s_groups =
    [
        ("one-timers", 0.35, null, UsualBasket),
        ("regulars", 0.35, RegularOrders, UsualBasket),
        ("bargain hunters", 0.20, BargainOrders, UsualBasket),
        ("loyal big spenders", 0.10, LoyalOrders, BigBasket),
    ];

    private static readonly string[] s_categories =
        ["Home decor", "Kitchen & dining", "Garden", "Toys & party", "Stationery & gift wrap", "Lighting & candles", "Bags", "Jewellery", "Seasonal", "Books", "Electronics", "Beauty"];

    private readonly SparkSession _spark;
    private readonly SyntheticSettings _settings;

    /// <summary>Creates a generator.</summary>
    public SyntheticRawZone(SparkSession spark, SyntheticSettings settings)
    {
        _spark = spark;
        _settings = settings;
    }

    /// <summary>Writes customers, products, transactions and events as Parquet under <paramref name="output"/>.</summary>
    public async Task<IReadOnlyDictionary<string, long>> WriteAsync(string output, CancellationToken cancellationToken = default)
    {
        DataFrame products = Products();
        DataFrame customers = Customers();
        DataFrame lines = Lines(customers, products);
        var tables = new Dictionary<string, DataFrame>
        {
            ["customers"] = customers.Drop("customer_group", "orders"),
            ["products"] = products,
            ["transactions"] = Transactions(lines),
            ["events"] = Events(lines),
        };
        var counts = new Dictionary<string, long>();
        foreach ((string table, DataFrame rows) in tables)
        {
            string path = output.TrimEnd('/') + "/" + table;
            await rows.Write().Mode(SaveMode.Overwrite).ParquetAsync(path, cancellationToken).ConfigureAwait(false);
            counts[table] = await _spark.Read().Parquet(path).CountAsync(cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    /// <summary>The expected transaction lines (purchases and returns) per customer at <paramref name="basketScale"/>.</summary>
    /// <remarks>Order and basket counts are ⌊Exp(mean m)⌋ + 1, whose expectation is 1 / (e^(1/m) − 1) + 1.</remarks>
    public static double ExpectedLinesPerCustomer(double basketScale)
    {
        static double FloorExpPlusOne(double mean) => (1.0 / (Math.Exp(1.0 / mean) - 1.0)) + 1.0;
        double purchases = s_groups.Sum(g => g.Share * (g.MeanOrders is null ? 1.0 : FloorExpPlusOne(g.MeanOrders.Value)) * FloorExpPlusOne(g.MeanBasket * basketScale));
        return purchases * (1.0 + ReturnShare);
    }

    /// <summary>The basket scale at which a customer has <paramref name="linesPerCustomer"/> transaction lines on average.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer lines than one line per order allows.</exception>
    public static double BasketScaleFor(double linesPerCustomer)
    {
        double low = 1e-3, high = 100.0;
        if (linesPerCustomer <= ExpectedLinesPerCustomer(low) || linesPerCustomer >= ExpectedLinesPerCustomer(high))
        {
            throw new ArgumentOutOfRangeException(nameof(linesPerCustomer), linesPerCustomer, "No basket scale gives that many lines per customer.");
        }

        for (int i = 0; i < 60; i++)
        {
            double middle = (low + high) / 2;
            (low, high) = ExpectedLinesPerCustomer(middle) < linesPerCustomer ? (middle, high) : (low, middle);
        }

        return (low + high) / 2;
    }

    private Column Random(int stream) => Rand(_settings.Seed * 1000L + stream);

    private Column Pick(string[] values, Column uniform) =>
        ElementAt(Array([.. values.Select(v => Lit(v))]), (Floor(uniform * values.Length) + 1).Cast("INT"));

    private Column TimeBeforeEnd(Column uniform, int days)
    {
        long end = new DateTimeOffset(_settings.EndDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        return TimestampSeconds(Lit(end) - Floor(uniform * (days * 86_400L)) - 1);
    }

    private DataFrame Products() => _spark.Range(0, _settings.Products, 1, _settings.Partitions).Select(
        Concat(Lit("P"), LPad(Col("id").Cast("STRING"), 6, "0")).Alias("product_id"),
        Concat(Lit("Item "), Col("id").Cast("STRING")).Alias("name"),
        ElementAt(Array([.. s_categories.Select(c => Lit(c))]), (Pmod(Col("id") * 7, Lit(s_categories.Length)) + 1).Cast("INT")).Alias("category"),
        Round(Exp(Lit(1.5) + Randn(_settings.Seed * 1000L + 1) * 0.7) + 0.5, 2).Alias("list_price"),
        TimeBeforeEnd(Random(2), _settings.Days).Alias("updated_at"),
        Col("id").Alias("product_index"));

    private DataFrame Customers()
    {
        // One draw per customer, kept in a column: a CASE WHEN evaluates each repeated rand(seed) only on the rows that
        // reach it, so repeating Random(10) in every branch would draw anew per branch and skew the group shares.
        Column u = Col("group_draw");
        // Cumulative shares of s_groups.
        Column group = When(u < 0.35, s_groups[0].Group).When(u < 0.70, s_groups[1].Group).When(u < 0.90, s_groups[2].Group).Otherwise(s_groups[3].Group);
        Column meanOrders = When(Col("customer_group") == "regulars", RegularOrders).When(Col("customer_group") == "bargain hunters", BargainOrders).Otherwise(LoyalOrders);
        Column orders = When(Col("customer_group") == "one-timers", 1).Otherwise(Floor(-Log(Random(11)) * meanOrders) + 1);
        return _spark.Range(0, _settings.Customers, 1, _settings.Partitions)
            .Select(
                Concat(Lit("U"), LPad(Col("id").Cast("STRING"), 8, "0")).Alias("customer_id"),
                TimeBeforeEnd(Random(12), _settings.Days * 2).Alias("signup_time"),
                Pick(["United Kingdom", "Germany", "France", "Netherlands", "Spain", "Ireland"], Pow(Random(13), 3)).Alias("country"),
                Concat(Lit("customer"), Col("id").Cast("STRING"), Lit("@example.com")).Alias("email"),
                (Lit(1950) + Floor(Random(14) * 55)).Cast("BIGINT").Alias("birth_year"),
                TimeBeforeEnd(Random(15), 30).Alias("updated_at"),
                Random(10).Alias("group_draw"))
            .WithColumn("customer_group", group)
            .Drop("group_draw")
            .WithColumn("orders", orders.Cast("INT"));
    }

    private DataFrame Lines(DataFrame customers, DataFrame products)
    {
        Column isBig = Col("customer_group") == "loyal big spenders";
        Column isBargain = Col("customer_group") == "bargain hunters";
        DataFrame orders = customers
            .Select(Col("customer_id"), Col("customer_group"), Explode(Sequence(Lit(1), Col("orders"))).Alias("order_number"))
            .WithColumn("transaction_id", Concat(Lit("T"), Col("customer_id"), Lit("-"), LPad(Col("order_number").Cast("STRING"), 3, "0")))
            .WithColumn("event_time", TimeBeforeEnd(Random(20), _settings.Days))
            .WithColumn("channel", Pick(["web", "app", "store"], Random(21)))
            .WithColumn("line_count", (Floor(-Log(Random(22)) * When(isBig, BigBasket * _settings.BasketScale).Otherwise(UsualBasket * _settings.BasketScale)) + 1).Cast("INT"));
        DataFrame lines = orders
            .Select(Col("*"), Explode(Sequence(Lit(1), Col("line_count"))).Alias("line_number"))
            .WithColumn("product_index", Floor(Pow(Random(23), 3) * _settings.Products).Cast("BIGINT"))
            .WithColumn("quantity", (Floor(-Log(Random(24)) * When(isBargain, 6.0).Otherwise(2.0)) + 1).Cast("BIGINT"));
        return lines
            .Join(products.Select(Col("product_index"), Col("product_id"), Col("list_price")), ["product_index"], JoinType.Inner)
            .WithColumn("unit_price", Round(Col("list_price") * When(isBargain, 0.8).Otherwise(1.0), 2));
    }

    private DataFrame Transactions(DataFrame lines)
    {
        Column customer = When(Random(30) < 0.005, Lit(null).Cast("STRING")).Otherwise(Col("customer_id"));
        DataFrame purchases = lines.Select(
            Col("transaction_id"), customer.Alias("customer_id"), Col("product_id"), Col("quantity"), Col("unit_price"),
            Col("event_time"), Lit("United Kingdom").Alias("country"), Col("channel"));
        DataFrame returns = lines.Filter(Random(31) < ReturnShare).Select(
            Concat(Lit("C"), Col("transaction_id")).Alias("transaction_id"), Col("customer_id"), Col("product_id"),
            (-Col("quantity")).Alias("quantity"), Col("unit_price"),
            Least(Col("event_time") + Expr("INTERVAL 7 DAYS"), TimeBeforeEnd(Lit(0.0), 0)).Alias("event_time"),
            Lit("United Kingdom").Alias("country"), Col("channel"));
        return purchases.Union(returns);
    }

    private DataFrame Events(DataFrame lines)
    {
        Column type = Pick(["view", "view", "view", "view", "view", "view", "add_to_cart", "add_to_cart", "search", "wishlist", "remove_from_cart"], Random(40));
        DataFrame browsing = lines
            .Select(Col("*"), Explode(Sequence(Lit(1), (Floor(Random(41) * 4) + 1).Cast("INT"))).Alias("event_number"))
            .Select(
                Concat(Col("transaction_id"), Lit("-"), Col("line_number").Cast("STRING"), Lit("-"), Col("event_number").Cast("STRING")).Alias("event_id"),
                Col("customer_id"), Col("product_id"), type.Alias("event_type"),
                (Col("event_time") - Expr("INTERVAL 1 HOUR") * Floor(Random(42) * 48)).Alias("event_time"),
                Concat(Col("transaction_id"), Lit("-s")).Alias("session_id"));
        DataFrame purchases = lines.Select(
            Concat(Col("transaction_id"), Lit("-"), Col("line_number").Cast("STRING"), Lit("-p")).Alias("event_id"),
            Col("customer_id"), Col("product_id"), Lit("purchase").Alias("event_type"), Col("event_time"),
            Concat(Col("transaction_id"), Lit("-s")).Alias("session_id"));
        return browsing.Union(purchases);
    }
}
