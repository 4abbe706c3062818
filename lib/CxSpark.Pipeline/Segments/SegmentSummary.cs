using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Profiles;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Segments;

/// <summary>One row per segment: its name, size, revenue share and centroid in original units.</summary>
public static class SegmentSummary
{
    /// <summary>The summary's schema, stated at the stage boundary.</summary>
    public const string Schema =
        "segment INT, segment_name STRING, size BIGINT, revenue_share DOUBLE, centroid_recency_days DOUBLE, centroid_frequency DOUBLE, centroid_monetary DOUBLE";

    /// <summary>
    /// Summarises <paramref name="segments"/> (<c>customer_id</c>, <c>segment</c>) over <paramref name="profiles"/>
    /// (<c>customer_id</c>, <c>recency_days</c>, <c>frequency</c>, <c>monetary</c>); names come from <see cref="SegmentNames"/>
    /// against the medians of the segmented customers.
    /// </summary>
    public static DataFrame Build(DataFrame segments, DataFrame profiles)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(profiles);
        DataFrame customers = segments.Select("customer_id", "segment")
            .Join(profiles.Select("customer_id", "recency_days", "frequency", "monetary"), ["customer_id"], JoinType.Inner);
        DataFrame population = customers.Agg(
            Median(Col("recency_days")).Alias("median_recency_days"), Median(Col("frequency")).Alias("median_frequency"),
            Median(Col("monetary")).Alias("median_monetary"), Money.Sum(Col("monetary")).Alias("total_revenue"));
        DataFrame centroids = customers.GroupBy("segment").Agg(
            Count("*").Alias("size"), Money.Sum(Col("monetary")).Alias("revenue"),
            Avg(Col("recency_days")).Alias("centroid_recency_days"), Avg(Col("frequency")).Alias("centroid_frequency"),
            Money.Avg(Col("monetary")).Alias("centroid_monetary"));
        Column name = SegmentNames.Name(
            Col("centroid_recency_days"), Col("centroid_frequency"), Col("centroid_monetary"),
            Col("median_recency_days"), Col("median_frequency"), Col("median_monetary"));
        Column revenueShare = When(Col("total_revenue") == 0.0, Lit(0.0)).Otherwise(Col("revenue") / Col("total_revenue"));
        return centroids.CrossJoin(population).Select(
            Col("segment").Cast("INT").Alias("segment"),
            name.Alias("segment_name"),
            Col("size"),
            revenueShare.Alias("revenue_share"),
            Col("centroid_recency_days").Cast("DOUBLE").Alias("centroid_recency_days"),
            Col("centroid_frequency").Cast("DOUBLE").Alias("centroid_frequency"),
            Col("centroid_monetary").Cast("DOUBLE").Alias("centroid_monetary"));
    }
}
