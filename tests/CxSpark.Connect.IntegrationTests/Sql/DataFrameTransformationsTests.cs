using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Sql;

[Collection("Spark")]
public sealed class DataFrameTransformationsTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    private DataFrame People() => _spark.CreateDataFrame(
        [
            [1, "ann", "uk", 34.5, null],
            [2, "bob", "fr", 20.0, "x"],
            [3, "cid", "uk", 41.0, "y"],
            [4, "dee", null, 15.5, "y"],
        ],
        "id INT, name STRING, country STRING, score DOUBLE, tag STRING");

    [Fact]
    public async Task SelectFilterWhere_ArithmeticAndAlias_ReturnsValues()
    {
        IReadOnlyList<Row> rows = await People()
            .Filter(Col("score") > 18)
            .Where("country = 'uk'")
            .Select(Col("id"), (Col("score") * 2).Alias("double_score"), Upper(Col("name")).As("upper"))
            .OrderBy("id")
            .CollectAsync();
        RowsAssert.Equal([[1, 69.0, "ANN"], [3, 82.0, "CID"]], rows);
    }

    [Fact]
    public async Task SelectExpr_SqlExpressions_Evaluated()
    {
        Row row = Assert.Single(await People().SelectExpr("max(id) AS m", "count(*) AS n", "sum(score) AS s").CollectAsync());
        Assert.Equal(4, row.GetInt("m"));
        Assert.Equal(4L, row.GetLong("n"));
        Assert.Equal(111.0, row.GetDouble("s"));
    }

    [Fact]
    public async Task WithColumnRenamedDropToDF_ChangeSchema()
    {
        DataFrame df = People()
            .WithColumn("adult", Col("score") >= 18)
            .WithColumns(new Dictionary<string, Column> { ["one"] = Lit(1), ["two"] = Lit(2L) })
            .WithColumnRenamed("name", "first_name")
            .Drop("tag", "country");
        Assert.Equal(["id", "first_name", "score", "adult", "one", "two"], await df.ColumnsAsync());
        Assert.Equal(["a", "b", "c", "d", "e", "f"], await df.ToDF("a", "b", "c", "d", "e", "f").ColumnsAsync());
        Row first = (await df.OrderBy("id").TakeAsync(1))[0];
        Assert.True(first.GetBoolean("adult"));
        Assert.Equal(2L, first.GetLong("two"));
    }

    [Fact]
    public async Task WhenOtherwise_CaseChain_Classifies()
    {
        Column band = When(Col("score") >= 40, "high").When(Col("score") >= 20, "mid").Otherwise("low");
        IReadOnlyList<Row> rows = await People().Select(Col("id"), band.Alias("band")).OrderBy("id").CollectAsync();
        RowsAssert.Equal([[1, "mid"], [2, "mid"], [3, "high"], [4, "low"]], rows);
    }

    [Fact]
    public async Task DistinctDropDuplicates_OnSubset_RemoveRepeats()
    {
        DataFrame df = People().Union(People());
        Assert.Equal(8, await df.CountAsync());
        Assert.Equal(4, await df.Distinct().CountAsync());
        Assert.Equal(3, await df.DropDuplicates("country").CountAsync());
    }

    [Fact]
    public async Task SetOperations_UnionByNameIntersectExcept_MatchSpark()
    {
        DataFrame a = _spark.Range(0, 6).Select(Col("id").Cast("int").Alias("v"));
        DataFrame b = _spark.Range(3, 9).Select(Col("id").Cast("int").Alias("v"));
        Assert.Equal([3, 4, 5], (await a.Intersect(b).OrderBy("v").CollectAsync()).Select(r => r.GetInt(0)));
        Assert.Equal([0, 1, 2], (await a.Except(b).OrderBy("v").CollectAsync()).Select(r => r.GetInt(0)));
        Assert.Equal(12, await a.UnionAll(b).CountAsync());
        Assert.Equal(6, await a.Union(a).IntersectAll(a.Union(a).Union(a)).CountAsync() / 2);
        Assert.Equal(3, await a.Union(a).ExceptAll(a.Union(b)).CountAsync());
        DataFrame swapped = _spark.Range(1).Select(Lit("x").Alias("s"), Lit(1).Alias("v"));
        DataFrame other = _spark.Range(1).Select(Lit(2).Alias("v"), Lit("y").Alias("s"));
        RowsAssert.Equal([["x", 1], ["y", 2]], await swapped.UnionByName(other).OrderBy("v").CollectAsync());
        DataFrame missing = _spark.Range(1).Select(Lit(3).Alias("v"));
        Row filled = (await swapped.UnionByName(missing, allowMissingColumns: true).OrderBy("v").CollectAsync())[1];
        Assert.Null(filled["s"]);
    }

    [Fact]
    public async Task OrderByLimitOffset_SortsAndSlices()
    {
        IReadOnlyList<Row> rows = await People().OrderBy(Col("country").AscNullsLast(), Col("score").Desc()).Select("id").CollectAsync();
        Assert.Equal([2, 3, 1, 4], rows.Select(r => r.GetInt(0)));
        Assert.Equal([3, 4], (await People().OrderBy("id").Offset(2).Limit(5).CollectAsync()).Select(r => r.GetInt("id")));
        Assert.Equal([3, 4], (await People().OrderBy("id").TailAsync(2)).Select(r => r.GetInt("id")));
    }

    [Fact]
    public async Task RandomSplit_Seeded_PartitionsEveryRowOnce()
    {
        DataFrame df = _spark.Range(0, 10_000);
        DataFrame[] parts = df.RandomSplit([0.8, 0.2], seed: 42);
        long train = await parts[0].CountAsync();
        long test = await parts[1].CountAsync();
        Assert.Equal(10_000, train + test);
        Assert.InRange(train, 7_700, 8_300);
        Assert.Equal(0, await parts[0].Intersect(parts[1]).CountAsync());
        Assert.Equal(train, await df.RandomSplit([0.8, 0.2], seed: 42)[0].CountAsync());
    }

    [Fact]
    public async Task Sample_Fraction_KeepsAboutThatShare()
    {
        long kept = await _spark.Range(0, 20_000).Sample(0.1, seed: 7).CountAsync();
        Assert.InRange(kept, 1_700, 2_300);
        Assert.Equal(kept, await _spark.Range(0, 20_000).Sample(0.1, seed: 7).CountAsync());
    }

    [Fact]
    public async Task RepartitionCoalesce_ChangePartitionCount()
    {
        DataFrame df = _spark.Range(0, 1000);
        Assert.Equal(7, await CountPartitions(df.Repartition(7)));
        Assert.Equal(3, await CountPartitions(df.Repartition(3, Col("id"))));
        Assert.Equal(2, await CountPartitions(df.RepartitionByRange(2, Col("id"))));
        Assert.Equal(1, await CountPartitions(df.Repartition(5).Coalesce(1)));
    }

    [Fact]
    public async Task AliasHint_SelfJoinByAlias_Resolves()
    {
        DataFrame people = People();
        DataFrame joined = people.Alias("a").Join(people.Alias("b").Hint("broadcast"), Col("a.country") == Col("b.country"))
            .Select(Col("a.id"), Col("b.id").Alias("other"));
        Assert.Equal(5, await joined.CountAsync());
    }

    [Fact]
    public async Task NaFillDrop_MissingValues_Handled()
    {
        DataFrame df = People();
        Assert.Equal(2, await df.Na().Drop().CountAsync());
        Assert.Equal(3, await df.Na().Drop("any", "country").CountAsync());
        Assert.Equal(4, await df.Na().Drop("all").CountAsync());
        Row filled = (await df.Na().Fill("none", "tag", "country").OrderBy("id").CollectAsync())[0];
        Assert.Equal("none", filled.GetString("tag"));
        Row last = (await df.Na().Fill(new Dictionary<string, object> { ["country"] = "zz" }).OrderBy("id").CollectAsync())[3];
        Assert.Equal("zz", last.GetString("country"));
    }

    [Fact]
    public async Task DescribeSummary_Statistics_MatchData()
    {
        IReadOnlyList<Row> described = await People().Describe("score").CollectAsync();
        Assert.Equal("4", described.Single(r => r.GetString(0) == "count").GetString("score"));
        Assert.Equal("27.75", described.Single(r => r.GetString(0) == "mean").GetString("score"));
        IReadOnlyList<Row> summary = await People().Select("score").Summary("min", "50%", "max").CollectAsync();
        Assert.Equal(["15.5", "20.0", "41.0"], summary.Select(r => r.GetString("score")));
    }

    [Fact]
    public async Task Transform_ChainsNamedSteps()
    {
        static DataFrame OnlyUk(DataFrame df) => df.Filter(Col("country") == "uk");
        Assert.Equal(2, await People().Transform(OnlyUk).CountAsync());
    }

    private static async Task<int> CountPartitions(DataFrame df) =>
        (await df.Select(SparkPartitionId().Alias("p")).Distinct().CollectAsync()).Count;
}
