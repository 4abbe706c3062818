namespace CxSpark.Pipeline.Recommendations;

/// <summary>Options of the <c>recommend</c> stage (configuration section <c>Recommend</c>).</summary>
public sealed record RecommendOptions
{
    /// <summary>
    /// <see cref="FeedbackKind.Implicit"/> (default): ALS on implicit feedback from clean purchases, plus weighted carts,
    /// wishlists and views when an events table exists; <see cref="FeedbackKind.Explicit"/>: ALS on the <c>ratings</c>
    /// table (key <c>Recommend:Feedback</c>, <c>implicit</c> or <c>explicit</c>).
    /// </summary>
    public FeedbackKind Feedback { get; init; } = FeedbackKind.Implicit;

    /// <summary>Recommendations per customer (key <c>Recommend:TopN</c>, default 10); also the k of the ranking metrics.</summary>
    public int TopN { get; init; } = 10;

    /// <summary>The evaluation window: the last this many days of the data (key <c>Recommend:HoldoutDays</c>, default 30).</summary>
    public int HoldoutDays { get; init; } = 30;

    /// <summary>The tuning window just before the holdout (key <c>Recommend:ValidationDays</c>, default 30).</summary>
    public int ValidationDays { get; init; } = 30;

    /// <summary>The popularity ranking counts distinct buyers over this many days (key <c>Recommend:PopularityDays</c>, default 30).</summary>
    public int PopularityDays { get; init; } = 30;

    /// <summary>The ALS ranks tried on the validation window (key <c>Recommend:Ranks</c>, comma separated; explicit default 10, 20).</summary>
    public IReadOnlyList<int> Ranks { get; init; } = [32];

    /// <summary>The ALS regularisation values tried (key <c>Recommend:RegParams</c>; explicit default 0.1, 0.2).</summary>
    public IReadOnlyList<double> RegParams { get; init; } = [1.0];

    /// <summary>The default ranks for explicit feedback.</summary>
    public static IReadOnlyList<int> ExplicitRanks { get; } = [10, 20];

    /// <summary>The default regularisation values for explicit feedback.</summary>
    public static IReadOnlyList<double> ExplicitRegParams { get; } = [0.1, 0.2];

    /// <summary>The implicit-feedback confidence scales tried (key <c>Recommend:Alphas</c>; ignored for explicit feedback).</summary>
    public IReadOnlyList<double> Alphas { get; init; } = [20.0];

    /// <summary>
    /// The time constants (days) tried for the decay of implicit feedback: a signal of age a days at the end of the
    /// training data weighs exp(−a / d); 0 means no decay (key <c>Recommend:DecayDays</c>).
    /// </summary>
    public IReadOnlyList<double> DecayDays { get; init; } = [15.0, 30.0, 60.0];

    /// <summary>
    /// Whether the run measures its model (key <c>Recommend:Evaluate</c>, default true): tuning on the validation window
    /// and the holdout fit with its metrics. False publishes from a single fit on all feedback, with the one setting the
    /// grid must then hold (a nightly at scale, with the setting chosen by an evaluating run, e.g. weekly).
    /// </summary>
    public bool Evaluate { get; init; } = true;

    /// <summary>ALS iterations (key <c>Recommend:MaxIter</c>, default 10).</summary>
    public int MaxIter { get; init; } = 10;

    /// <summary>The seed of every ALS fit (key <c>Recommend:Seed</c>, default 42).</summary>
    public long Seed { get; init; } = 42;

    /// <summary>The weights of cart, wishlist and view events (keys <c>Recommend:CartWeight</c>, <c>:WishlistWeight</c>, <c>:ViewWeight</c>).</summary>
    public EventWeights EventWeights { get; init; } = new();

    /// <summary>
    /// The most products ALS learns and recommends: those with the most buyers in the last <see cref="CandidateDays"/>
    /// (key <c>Recommend:CandidateProducts</c>, default 2000), so that scoring grows with the customers, not with customers × products.
    /// </summary>
    public int CandidateProducts { get; init; } = 2000;

    /// <summary>The window in which a candidate product must have been bought (key <c>Recommend:CandidateDays</c>, default 90).</summary>
    public int CandidateDays { get; init; } = 90;

    /// <summary>Similar products kept per product (key <c>Recommend:SimilarProducts</c>, default 10; 0 skips the table).</summary>
    public int SimilarProducts { get; init; } = 10;

    /// <summary>Whether <see cref="Feedback"/> is <c>explicit</c>.</summary>
    public bool IsExplicit => Feedback == FeedbackKind.Explicit;
}
