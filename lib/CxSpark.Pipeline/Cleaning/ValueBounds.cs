namespace CxSpark.Pipeline.Cleaning;

/// <summary>The largest transaction values cleaning accepts; a line beyond any of them is quarantined as <see cref="QuarantineReason.AbsurdValue"/>.</summary>
/// <remarks>
/// Revenue is added as <see cref="Profiles.Money.ExactType"/> (32 integer digits): a line amount that does not fit, or
/// an infinite one (quantity 4.6e18 at a price of 1e300), would become null and vanish from the sums. With lines of at
/// most <see cref="MaxLineAmount"/> (default 1e8) a sum overflows only beyond 1e24 lines. The defaults sit far above
/// UCI Online Retail's extremes: |quantity| 80,995, unit price 38,970, line amount 168,469.60.
/// </remarks>
public sealed record ValueBounds
{
    /// <summary>The highest bound a configuration may set: lines of up to 1e15 keep sums of 1e17 lines exact.</summary>
    public const double Limit = 1e15;

    /// <summary>The largest valid |quantity| (key <c>Cleaning:MaxQuantity</c>).</summary>
    public double MaxQuantity { get; init; } = 1_000_000;

    /// <summary>The largest valid unit price (key <c>Cleaning:MaxUnitPrice</c>).</summary>
    public double MaxUnitPrice { get; init; } = 1_000_000;

    /// <summary>The largest valid |quantity × unit_price| (key <c>Cleaning:MaxLineAmount</c>).</summary>
    public double MaxLineAmount { get; init; } = 100_000_000;
}
