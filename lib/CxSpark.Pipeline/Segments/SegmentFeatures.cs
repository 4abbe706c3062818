using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Segments;

/// <summary>The clustering features of a customer profile: log-scaled recency, frequency and monetary value.</summary>
public static class SegmentFeatures
{
    /// <summary>The feature columns, in the order the vector holds them.</summary>
    public static readonly string[] Columns = ["log_recency", "log_frequency", "log_monetary"];

    /// <summary>Adds the log-scaled feature columns (negative monetary values count as 0).</summary>
    public static DataFrame WithSegmentFeatures(DataFrame profiles) => profiles.WithColumns(new Dictionary<string, Column>
    {
        ["log_recency"] = Log1p(Col("recency_days").Cast("double")),
        ["log_frequency"] = Log1p(Col("frequency").Cast("double")),
        ["log_monetary"] = Log1p(Greatest(Col("monetary").Cast("double"), Lit(0.0))),
    });

    /// <summary>A readable name for a segment from its centroid in original units, relative to all customers' medians.</summary>
    public static string Name(double recencyDays, double frequency, double monetary, double medianRecency, double medianFrequency, double medianMonetary)
    {
        bool recent = recencyDays <= medianRecency;
        bool frequent = frequency > medianFrequency;
        bool valuable = monetary > medianMonetary;
        return (recent, frequent, valuable) switch
        {
            (true, true, true) => "High-value loyal",
            (true, _, true) => "Recent big spenders",
            (true, true, false) => "Frequent small baskets",
            (true, false, false) => "New or occasional",
            (false, true, _) => "Lapsing regulars",
            (false, false, true) => "Lapsed big spenders",
            _ => "Lapsed one-timers",
        };
    }
}
