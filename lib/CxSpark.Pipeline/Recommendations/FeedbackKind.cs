namespace CxSpark.Pipeline.Recommendations;

/// <summary>What the recommender learns from (key <c>Recommend:Feedback</c>).</summary>
public enum FeedbackKind
{
    /// <summary>Clean purchases, plus weighted carts, wishlists and views when an events table exists.</summary>
    Implicit,

    /// <summary>The clean <c>ratings</c> table.</summary>
    Explicit,
}
