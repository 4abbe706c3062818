namespace CxSpark.Pipeline.Publishing;

/// <summary>The relative paths of output tables under the output root.</summary>
public static class OutputTables
{
    /// <summary>Purchase returns and cancellations.</summary>
    public const string Returns = "returns";

    /// <summary>One row per customer with RFM scores.</summary>
    public const string CustomerProfiles = "customer_profiles";

    /// <summary>One row per customer with its segment.</summary>
    public const string CustomerSegments = "customer_segments";

    /// <summary>One row per segment: name, size, revenue share, centroid in original units.</summary>
    public const string SegmentSummary = "segment_summary";

    /// <summary>Top-N product recommendations per customer.</summary>
    public const string Recommendations = "recommendations";

    /// <summary>Top similar products per product from the ALS item factors.</summary>
    public const string SimilarProducts = "similar_products";

    /// <summary>The run manifests folder.</summary>
    public const string Runs = "_runs";

    /// <summary>The staging folder; partitions are written here, then moved into place.</summary>
    public const string Staging = "_staging";

    /// <summary>The partition column of every output table.</summary>
    public const string PartitionColumn = "run_date";

    /// <summary>Clean rows of an input table.</summary>
    public static string Clean(string table) => "clean/" + table;

    /// <summary>Quarantined rows of an input table.</summary>
    public static string Quarantine(string table) => "quarantine/" + table;

    /// <summary>The partition folder name of <paramref name="runDate"/>: <c>run_date=yyyy-MM-dd</c>.</summary>
    public static string Partition(DateOnly runDate) =>
        PartitionColumn + "=" + runDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
