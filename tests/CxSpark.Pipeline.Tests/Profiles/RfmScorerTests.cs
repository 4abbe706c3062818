using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Profiles;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Profiles;

[Collection("Spark")]
public sealed class RfmScorerTests(SparkServerFixture fixture)
{
    [Fact]
    public async Task WithRfmScores_TenCustomers_QuintileScoresAndClasses()
    {
        IEnumerable<object?[]> rows = Enumerable.Range(1, 10).Select(i => new object?[] { $"c{i:D2}", 11 - i, (long)i, (double)i * 100 });
        DataFrame profiles = fixture.Spark.CreateDataFrame(rows, "customer_id STRING, recency_days INT, frequency BIGINT, monetary DOUBLE");

        IReadOnlyList<Row> scored = await RfmScorer.WithRfmScores(profiles).OrderBy(Col("customer_id")).CollectAsync();

        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], scored.Select(r => r.GetInt("f_score")).ToArray());
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], scored.Select(r => r.GetInt("m_score")).ToArray());
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], scored.Select(r => r.GetInt("r_score")).ToArray());
        string[] expected =
        [
            RfmClass.Lost, RfmClass.Lost, RfmClass.Hibernating, RfmClass.Hibernating, RfmClass.PotentialLoyalist,
            RfmClass.PotentialLoyalist, RfmClass.Champions, RfmClass.Champions, RfmClass.Champions, RfmClass.Champions,
        ];
        Assert.Equal(expected, scored.Select(r => r.GetString("rfm_class")!).ToArray());
    }

    [Theory]
    [InlineData(5, 5, 5, RfmClass.Champions)]
    [InlineData(1, 5, 5, RfmClass.CantLose)]
    [InlineData(3, 4, 2, RfmClass.Loyal)]
    [InlineData(2, 3, 1, RfmClass.AtRisk)]
    [InlineData(5, 1, 1, RfmClass.New)]
    [InlineData(4, 2, 3, RfmClass.PotentialLoyalist)]
    [InlineData(3, 1, 5, RfmClass.Hibernating)]
    [InlineData(1, 2, 2, RfmClass.Lost)]
    public async Task Of_Scores_NamedClass(int r, int f, int m, string expected)
    {
        DataFrame one = fixture.Spark.CreateDataFrame([[r, f, m]], "r INT, f INT, m INT");

        Row row = Assert.Single(await one.Select(RfmClass.Of(Col("r"), Col("f"), Col("m"))).CollectAsync());

        Assert.Equal(expected, row.GetString(0));
    }
}
