using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Sql;

[Collection("Spark")]
public sealed class DataFrameJoinsTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    private DataFrame Left() => _spark.CreateDataFrame([[1, "a"], [2, "b"], [3, "c"]], "k INT, l STRING");

    private DataFrame Right() => _spark.CreateDataFrame([[2, "x"], [3, "y"], [3, "z"], [4, "w"]], "k INT, r STRING");

    [Theory]
    [InlineData("inner", 3)]
    [InlineData("left", 4)]
    [InlineData("right", 4)]
    [InlineData("full", 5)]
    [InlineData("left_semi", 2)]
    [InlineData("left_anti", 1)]
    public async Task Join_OnNames_EachTypeCountsRows(string how, long expected)
    {
        Assert.Equal(expected, await Left().Join(Right(), ["k"], how).CountAsync());
    }

    [Fact]
    public async Task Join_OnNames_KeyAppearsOnce()
    {
        DataFrame joined = Left().Join(Right(), "k", JoinType.LeftOuter);
        Assert.Equal(["k", "l", "r"], await joined.ColumnsAsync());
        RowsAssert.Equal([[1, "a", null], [2, "b", "x"], [3, "c", "y"], [3, "c", "z"]], await joined.OrderBy("k", "r").CollectAsync());
    }

    [Fact]
    public async Task Join_OnCondition_UsesFrameColumns()
    {
        DataFrame left = Left();
        DataFrame right = Right();
        DataFrame joined = left.Join(right, left["k"] == right["k"] & right["r"] != "z", JoinType.Inner)
            .Select(left["k"], left["l"], right["r"]);
        RowsAssert.Equal([[2, "b", "x"], [3, "c", "y"]], await joined.OrderBy("k").CollectAsync());
    }

    [Fact]
    public async Task Join_BroadcastHint_ShowsBroadcastInPlan()
    {
        DataFrame joined = Left().Join(Right().Hint("broadcast"), ["k"], JoinType.Inner);
        Assert.Contains("Broadcast", await joined.ExplainAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await joined.CountAsync());
    }

    [Fact]
    public async Task CrossJoin_AllPairs()
    {
        Assert.Equal(12, await Left().CrossJoin(Right()).CountAsync());
    }

    [Fact]
    public async Task Join_FramesOfTwoSessions_Throws()
    {
        await using SparkSession other = await SparkSession.Builder().Remote(fixture.Remote).GetOrCreateAsync();
        DataFrame foreign = other.Range(1).Select(Col("id").Alias("k"));
        Assert.NotEqual(_spark.SessionId, other.SessionId);
        Assert.Throws<ArgumentException>(() => Left().Join(foreign, ["k"], JoinType.Inner));
    }

    [Fact]
    public void Join_UnknownType_ThrowsNamingIt()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Left().Join(Right(), ["k"], "sideways"));
        Assert.Contains("sideways", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupBy_AggRollupCubePivot_Aggregate()
    {
        DataFrame sales = _spark.CreateDataFrame(
            [["uk", "web", 10.0], ["uk", "shop", 5.0], ["fr", "web", 7.0], ["fr", "web", 1.0]],
            "country STRING, channel STRING, amount DOUBLE");
        RowsAssert.Equal(
            [["fr", 8.0, 2L, 4.0], ["uk", 15.0, 2L, 7.5]],
            await sales.GroupBy("country").Agg(Sum("amount"), Count("*"), Avg("amount")).OrderBy("country").CollectAsync());
        Assert.Equal(5, await sales.Rollup(Col("country"), Col("channel")).Agg(Sum("amount")).CountAsync() - 1);
        Assert.Equal(8, await sales.Cube(Col("country"), Col("channel")).Count().CountAsync());
        Row pivoted = (await sales.GroupBy("country").Pivot("channel", "web", "shop").Sum("amount").OrderBy("country").CollectAsync())[1];
        Assert.Equal(10.0, pivoted.GetDouble("web"));
        Assert.Equal(5.0, pivoted.GetDouble("shop"));
        Row minMax = Assert.Single(await sales.GroupBy().Agg(Min("amount"), Max("amount"), CountDistinct(Col("country"), Col("channel"))).CollectAsync());
        Assert.Equal([1.0, 10.0, 3L], minMax.Values);
    }
}
