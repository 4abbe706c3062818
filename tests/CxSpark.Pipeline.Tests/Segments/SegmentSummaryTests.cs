using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Segments;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Segments;

/// <summary>Segment names and the summary, computed by Spark from segments and profiles in hand.</summary>
[Collection("Spark")]
public sealed class SegmentSummaryTests(SparkServerFixture fixture)
{
    [Theory]
    [InlineData(10.0, 5.0, 500.0, SegmentNames.HighValueLoyal)]
    [InlineData(30.0, 1.0, 500.0, SegmentNames.RecentBigSpenders)]
    [InlineData(30.0, 5.0, 50.0, SegmentNames.FrequentSmallBaskets)]
    [InlineData(30.0, 2.0, 100.0, SegmentNames.NewOrOccasional)]
    [InlineData(31.0, 5.0, 500.0, SegmentNames.LapsingRegulars)]
    [InlineData(90.0, 2.0, 100.5, SegmentNames.LapsedBigSpenders)]
    [InlineData(90.0, 2.0, 100.0, SegmentNames.LapsedOneTimers)]
    public async Task Name_CentroidAgainstMedians_RuleOfItsPosition(double recency, double frequency, double monetary, string expected)
    {
        // Medians: recency 30 (at most is recent), frequency 2 and monetary 100 (above is frequent, valuable).
        DataFrame centroid = fixture.Spark.CreateDataFrame([[recency, frequency, monetary]], "r DOUBLE, f DOUBLE, m DOUBLE");

        Row row = (await centroid.Select(SegmentNames.Name(Col("r"), Col("f"), Col("m"), Lit(30.0), Lit(2.0), Lit(100.0)).Alias("name")).FirstAsync())!;

        Assert.Equal(expected, row.GetString("name"));
    }

    [Fact]
    public async Task Build_TwoSegments_SizesSharesCentroidsAndNames()
    {
        DataFrame profiles = fixture.Spark.CreateDataFrame(
            [["a", 5, 10L, 900.0], ["b", 15, 8L, 700.0], ["c", 200, 1L, 20.0], ["d", 300, 1L, 30.0], ["e", 250, 2L, 50.0]],
            "customer_id STRING, recency_days INT, frequency BIGINT, monetary DOUBLE");
        DataFrame segments = fixture.Spark.CreateDataFrame(
            [["a", 1], ["b", 1], ["c", 0], ["d", 0], ["e", 0]], "customer_id STRING, segment INT");

        IReadOnlyList<Row> summary = await SegmentSummary.Build(segments, profiles).OrderBy("segment").CollectAsync();

        // Medians over the five customers: recency 200, frequency 2, monetary 50; revenue 1,700.
        Assert.Equal(2, summary.Count);
        Assert.Equal((0, SegmentNames.LapsedOneTimers, 3L), (summary[0].GetInt("segment"), summary[0].GetString("segment_name"), summary[0].GetLong("size")));
        Assert.Equal(100.0 / 1700.0, summary[0].GetDouble("revenue_share"), 12);
        Assert.Equal(250.0, summary[0].GetDouble("centroid_recency_days"), 12);
        Assert.Equal(4.0 / 3.0, summary[0].GetDouble("centroid_frequency"), 12);
        Assert.Equal(100.0 / 3.0, summary[0].GetDouble("centroid_monetary"), 9);
        Assert.Equal((1, SegmentNames.HighValueLoyal, 2L), (summary[1].GetInt("segment"), summary[1].GetString("segment_name"), summary[1].GetLong("size")));
        Assert.Equal(1600.0 / 1700.0, summary[1].GetDouble("revenue_share"), 12);
        Assert.Equal(SegmentSummary.Schema.Split(", ").Select(c => c.Split(' ')[0]), (await SegmentSummary.Build(segments, profiles).SchemaAsync()).Fields.Select(f => f.Name));
    }
}
