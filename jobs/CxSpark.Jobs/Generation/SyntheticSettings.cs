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

    /// <summary>Spark partitions of the generated ranges (fixed, so seeded random columns are reproducible).</summary>
    public int Partitions { get; init; } = 4;
}
