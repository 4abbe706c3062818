using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Segments;

/// <summary>Readable segment names from a centroid's position against all customers' medians.</summary>
/// <remarks>
/// A centroid is <em>recent</em> when its mean recency is at most the median recency, <em>frequent</em> and
/// <em>valuable</em> when its mean frequency and monetary value are above the medians; the first matching rule names it.
/// </remarks>
public static class SegmentNames
{
    /// <summary>Recent, frequent and valuable.</summary>
    public const string HighValueLoyal = "High-value loyal";

    /// <summary>Recent and valuable, not frequent.</summary>
    public const string RecentBigSpenders = "Recent big spenders";

    /// <summary>Recent and frequent, not valuable.</summary>
    public const string FrequentSmallBaskets = "Frequent small baskets";

    /// <summary>Recent, neither frequent nor valuable.</summary>
    public const string NewOrOccasional = "New or occasional";

    /// <summary>Not recent, frequent.</summary>
    public const string LapsingRegulars = "Lapsing regulars";

    /// <summary>Not recent, not frequent, valuable.</summary>
    public const string LapsedBigSpenders = "Lapsed big spenders";

    /// <summary>Not recent, neither frequent nor valuable.</summary>
    public const string LapsedOneTimers = "Lapsed one-timers";

    /// <summary>The name of each row's centroid (mean recency, frequency, monetary) against the medians.</summary>
    public static Column Name(Column recencyDays, Column frequency, Column monetary, Column medianRecency, Column medianFrequency, Column medianMonetary)
    {
        Column recent = recencyDays <= medianRecency;
        Column frequent = frequency > medianFrequency;
        Column valuable = monetary > medianMonetary;
        return When(recent & frequent & valuable, HighValueLoyal)
            .When(recent & valuable, RecentBigSpenders)
            .When(recent & frequent, FrequentSmallBaskets)
            .When(recent, NewOrOccasional)
            .When(frequent, LapsingRegulars)
            .When(valuable, LapsedBigSpenders)
            .Otherwise(LapsedOneTimers);
    }
}
