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
}
