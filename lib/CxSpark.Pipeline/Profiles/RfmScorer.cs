using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Profiles;

/// <summary>Adds R, F and M scores (1–5, by quintiles over all customers) and the named <see cref="RfmClass"/>.</summary>
/// <remarks>
/// The quintile cut points are exact percentiles (20/40/60/80 %) of <c>recency_days</c>, <c>frequency</c> and
/// <c>monetary</c>, computed in one aggregate and joined to every row. A value's bucket is 1 plus the number of cut points
/// it exceeds, so ties always share a score (buckets can be uneven when many customers share a value, as F = 1 often is).
/// F and M scores are the bucket; R is 6 minus the bucket, so the most recent customers score 5.
/// </remarks>
public static class RfmScorer
{
    private static readonly double[] s_quintiles = [0.2, 0.4, 0.6, 0.8];

    /// <summary>Adds <c>r_score</c>, <c>f_score</c>, <c>m_score</c> and <c>rfm_class</c> to customer profiles.</summary>
    public static DataFrame WithRfmScores(DataFrame profiles, string recency = "recency_days", string frequency = "frequency", string monetary = "monetary")
    {
        DataFrame cutPoints = profiles.Agg(
            Percentile(Col(recency), s_quintiles).Alias("r_cuts"),
            Percentile(Col(frequency), s_quintiles).Alias("f_cuts"),
            Percentile(Col(monetary), s_quintiles).Alias("m_cuts"));
        return profiles
            .CrossJoin(cutPoints)
            .WithColumn("r_score", (Lit(6) - Bucket(Col(recency), Col("r_cuts"))).Cast("INT"))
            .WithColumn("f_score", Bucket(Col(frequency), Col("f_cuts")))
            .WithColumn("m_score", Bucket(Col(monetary), Col("m_cuts")))
            .Drop("r_cuts", "f_cuts", "m_cuts")
            .WithColumn("rfm_class", RfmClass.Of(Col("r_score"), Col("f_score"), Col("m_score")));
    }

    private static Column Bucket(Column value, Column cuts)
    {
        Column exceeded = Lit(1);
        for (int i = 0; i < s_quintiles.Length; i++)
        {
            exceeded += When(value > cuts.GetItem(i), 1).Otherwise(0);
        }

        return exceeded.Cast("INT");
    }
}
