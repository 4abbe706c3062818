namespace CxSpark.Jobs.Generation;

/// <summary>The size and shape of a synthetic raw zone.</summary>
public sealed record SyntheticSettings
{
    /// <summary>Number of customers.</summary>
    public int Customers { get; init; } = 2_000;

    /// <summary>Number of products.</summary>
    public int Products { get; init; } = 500;

    /// <summary>Days of history before <see cref="EndDate"/>.</summary>
    public int Days { get; init; } = 365;

    /// <summary>The seed of every random column; the same settings give the same data.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The exclusive end of the generated period (UTC midnight).</summary>
    public DateOnly EndDate { get; init; } = new(2025, 1, 1);

    /// <summary>Multiplies the mean basket size (lines per order) of every customer group; 1 keeps the groups' own habits.</summary>
    public double BasketScale { get; init; } = 1.0;

    /// <summary>Spark partitions of the generated ranges (fixed, so seeded random columns are reproducible).</summary>
    public int Partitions { get; init; } = 4;

    /// <summary>
    /// Settings for about <paramref name="lines"/> transaction lines (purchases and returns): customers a tenth of the lines,
    /// products a two-hundredth (at least 50), and baskets scaled so that a customer has ten lines on average.
    /// </summary>
    public static SyntheticSettings ForLines(long lines)
    {
        const double LinesPerCustomer = 10.0;
        long customers = Math.Max(1, (long)Math.Round(lines / LinesPerCustomer));
        if (customers > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(lines), lines, "Too many lines for one synthetic zone.");
        }

        return new SyntheticSettings
        {
            Customers = (int)customers,
            Products = (int)Math.Max(50, lines / 200),
            BasketScale = SyntheticRawZone.BasketScaleFor(LinesPerCustomer),
        };
    }
}
