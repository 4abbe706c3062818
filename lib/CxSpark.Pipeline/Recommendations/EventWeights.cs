namespace CxSpark.Pipeline.Recommendations;

/// <summary>How much one event counts in implicit feedback, relative to one purchase.</summary>
public sealed record EventWeights
{
    /// <summary>One add-to-cart event (key <c>Recommend:CartWeight</c>, default 0.3).</summary>
    public double Cart { get; init; } = 0.3;

    /// <summary>One wishlist event (key <c>Recommend:WishlistWeight</c>, default 0.2).</summary>
    public double Wishlist { get; init; } = 0.2;

    /// <summary>One view event (key <c>Recommend:ViewWeight</c>, default 0.05).</summary>
    public double View { get; init; } = 0.05;
}
