using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Sql;

[Collection("Spark")]
public sealed class FunctionsTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    private async Task<Row> EvalAsync(params Column[] columns) => Assert.Single(await _spark.Range(1).Select(columns).CollectAsync());

    [Fact]
    public async Task StringFunctions_Evaluate()
    {
        Row row = await EvalAsync(
            Concat(Lit("a"), Lit("b")), ConcatWs("-", Lit("x"), Lit(null), Lit("y")), Lower(Lit("AbC")), Trim(Lit("  t  ")),
            Length(Lit("four")), Substring(Lit("spark"), 2, 3), RegexpReplace(Lit("a1b22"), "[0-9]+", "#"),
            RegexpExtract(Lit("id=42;"), "id=([0-9]+)", 1), Split(Lit("a,b,c"), ","), LPad(Lit("7"), 3, "0"),
            InitCap(Lit("hello world")), Instr(Lit("banana"), "na"), Replace(Lit("aXbX"), "X", "-"), FormatString("%s=%d", Lit("n"), Lit(5)));
        Assert.Equal(
            ["ab", "x-y", "abc", "t", 4, "par", "a#b#", "42", new object?[] { "a", "b", "c" }, "007", "Hello World", 3, "a-b-", "n=5"],
            row.Values);
    }

    [Fact]
    public async Task DateTimeFunctions_Evaluate()
    {
        Column day = ToDate(Lit("2011-12-09"));
        Row row = await EvalAsync(
            DateAdd(day, 3), DateSub(day, 9), DateDiff(day, ToDate(Lit("2010-12-01"))), Year(day), Month(day), DayOfMonth(day),
            DayOfWeek(day), Quarter(day), LastDay(day), Trunc(day, "month"), DateFormat(day, "yyyy/MM"), AddMonths(day, 1),
            Hour(ToTimestamp(Lit("2011-12-09 12:50:00"))), UnixTimestamp(ToTimestamp(Lit("1970-01-02 00:00:00"))), MakeDate(Lit(2020), Lit(2), Lit(29)));
        Assert.Equal(
            [new DateOnly(2011, 12, 12), new DateOnly(2011, 11, 30), 373, 2011, 12, 9, 6, 4, new DateOnly(2011, 12, 31), new DateOnly(2011, 12, 1),
             "2011/12", new DateOnly(2012, 1, 9), 12, 86_400L, new DateOnly(2020, 2, 29)],
            row.Values);
    }

    [Fact]
    public async Task MathFunctions_Evaluate()
    {
        Row row = await EvalAsync(
            Abs(Lit(-3)), Sqrt(Lit(16.0)), Round(Lit(2.345), 2), BRound(Lit(2.5)), Ceil(Lit(1.2)), Floor(Lit(1.8)), Pow(Lit(2), 10),
            Log1p(Lit(0.0)), Log10(Lit(1000.0)), Greatest(Lit(1), Lit(5), Lit(3)), Least(Lit(1), Lit(5), Lit(3)), Pmod(Lit(-7), 3),
            Div(Lit(7), 2), Signum(Lit(-2.0)), Coalesce(Lit(null), Lit(9)), TryDivide(Lit(1), Lit(0)));
        Assert.Equal([3, 4.0, 2.35, 2.0, 2L, 1L, 1024.0, 0.0, 3.0, 5, 1, 2, 3L, -1.0, 9, null], row.Values);
    }

    [Fact]
    public async Task AggregateFunctions_Evaluate()
    {
        DataFrame df = _spark.CreateDataFrame([[1, "a"], [2, "b"], [3, "b"], [4, null]], "v INT, g STRING");
        Row row = Assert.Single(await df.Agg(
            Sum("v"), Avg(Col("v")), Min("v"), Max("v"), Count(Col("g")), CountDistinct(Col("g")), CollectList(Col("g")),
            StddevSamp(Col("v")), Percentile(Col("v"), 0.5), Median(Col("v")), MaxBy(Col("g"), Col("v")), CountIf(Col("v") > 2),
            First(Col("g"), ignoreNulls: true), SumDistinct(Col("v"))).CollectAsync());
        Assert.Equal(10L, row[0]);
        Assert.Equal(2.5, row[1]);
        Assert.Equal([1, 4, 3L, 2L], new[] { row[2], row[3], row[4], row[5] });
        Assert.Equal(["a", "b", "b"], row.GetArray<string>(row.Schema.Fields[6].Name)!);
        Assert.Equal(1.2909944487358056, row.GetDouble(7), 12);
        Assert.Equal([2.5, 2.5], new[] { row.GetDouble(8), row.GetDouble(9) });
        Assert.Null(row[10]);
        Assert.Equal(2L, row[11]);
        Assert.Equal("a", row[12]);
        Assert.Equal(10L, row[13]);
    }

    [Fact]
    public async Task CollectionFunctions_Evaluate()
    {
        Column arr = Array(Lit(3), Lit(1), Lit(2), Lit(3));
        Row row = await EvalAsync(
            Size(arr), ArrayContains(arr, 2), ArrayDistinct(arr), ArraySort(arr), ArrayMax(arr), ArrayJoin(arr, "|"),
            ElementAt(arr, 1), Slice(arr, 2, 2), Slice(arr, 1, Size(arr) - 2), Transform(arr, x => x * 10), Filter(arr, x => x > 1), Exists(arr, x => x == 1),
            MapKeys(CreateMap(Lit("k"), Lit(1))), ElementAt(CreateMap(Lit("k"), Lit(1)), "k"),
            ElementAt(MapFromEntries(Array(Struct(Lit("a"), Lit(1)), Struct(Lit("b"), Lit(2)))), "b"), Flatten(Array(Array(Lit(1)), Array(Lit(2)))));
        Assert.Equal(
            [4, true, new object?[] { 3, 1, 2 }, new object?[] { 1, 2, 3, 3 }, 3, "3|1|2|3", 3, new object?[] { 1, 2 }, new object?[] { 3, 1 },
             new object?[] { 30, 10, 20, 30 }, new object?[] { 3, 2, 3 }, true, new object?[] { "k" }, 1, 2, new object?[] { 1, 2 }],
            row.Values);
    }

    [Fact]
    public async Task Explode_ArrayColumn_OneRowPerElement()
    {
        DataFrame df = _spark.CreateDataFrame([[1, new[] { "a", "b" }], [2, System.Array.Empty<string>()]], "id INT, tags ARRAY<STRING>");
        Assert.Equal(2, await df.Select(Explode(Col("tags"))).CountAsync());
        Assert.Equal(3, await df.Select(ExplodeOuter(Col("tags"))).CountAsync());
    }

    [Fact]
    public async Task HashJsonAndGeneric_Evaluate()
    {
        Row row = await EvalAsync(
            Sha2(Lit("abc"), 256), Md5(Lit("abc")), ToJson(Struct(Lit(1).Alias("a"))), GetJsonObject(Lit("{\"a\":{\"b\":7}}"), "$.a.b"),
            CallFunction("reverse", Lit("abc")), Expr("1 + 1"), FromJson(Lit("{\"x\":5}"), "x INT").GetField("x"));
        Assert.Equal(
            ["ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "900150983cd24fb0d6963f7d28e17f72", "{\"a\":1}", "7", "cba", 2, 5],
            row.Values);
    }

    [Fact]
    public async Task WindowFunctions_OverPartitionAndFrame()
    {
        DataFrame df = _spark.CreateDataFrame([["a", 1, 10.0], ["a", 2, 20.0], ["a", 3, 30.0], ["b", 1, 5.0]], "g STRING, t INT, v DOUBLE");
        WindowSpec byTime = Window.PartitionBy("g").OrderBy("t");
        IReadOnlyList<Row> rows = await df.Select(
                Col("g"), Col("t"),
                RowNumber().Over(byTime).Alias("rn"),
                Lag(Col("v")).Over(byTime).Alias("prev"),
                Sum(Col("v")).Over(byTime.RowsBetween(Window.UnboundedPreceding, Window.CurrentRow)).Alias("running"),
                Avg(Col("v")).Over(byTime.RowsBetween(-1, 1)).Alias("moving"),
                Rank().Over(Window.OrderBy(Col("v").Desc())).Alias("overall"),
                Count(Lit(1)).Over(Window.PartitionBy("g")).Alias("n"))
            .OrderBy("g", "t").CollectAsync();
        RowsAssert.Equal(
            [
                ["a", 1, 1, null, 10.0, 15.0, 3, 3L],
                ["a", 2, 2, 10.0, 30.0, 20.0, 2, 3L],
                ["a", 3, 3, 20.0, 60.0, 25.0, 1, 3L],
                ["b", 1, 1, null, 5.0, 5.0, 4, 1L],
            ],
            rows);
    }

    [Fact]
    public async Task ColumnMethods_CompareAndTest()
    {
        DataFrame df = _spark.CreateDataFrame([[1, "apple"], [2, "banana"], [3, null]], "id INT, s STRING");
        Assert.Equal(2, await df.Filter(Col("id").IsIn(1, 3)).CountAsync());
        Assert.Equal(2, await df.Filter(Col("id").IsIn(new[] { 2, 3 })).CountAsync());
        Assert.Equal(2, await df.Filter(Col("id").Between(2, 3)).CountAsync());
        Assert.Equal(1, await df.Filter(Col("s").Like("b%")).CountAsync());
        Assert.Equal(1, await df.Filter(Col("s").RLike("^a.*e$")).CountAsync());
        Assert.Equal(1, await df.Filter(Col("s").IsNull()).CountAsync());
        Assert.Equal(1, await df.Filter(Col("s").EqNullSafe(Lit(null))).CountAsync());
        Assert.Equal(1, await df.Filter(Col("s").StartsWith("ap") | Col("s").EndsWith("xx")).CountAsync());
        Assert.Equal(1, await df.Filter(Col("s").Contains("nan") & !(Col("id") == 1)).CountAsync());
        Assert.Equal(1, await df.Filter((Col("id") % 2 == 0) & (Col("id") - 1 >= 1) & (Col("id") / 2 <= 1.0) & (-Col("id") < 0)).CountAsync());
        Row row = Assert.Single(await df.Filter(Col("id") == 2).Select(
            Col("s").Substr(1, 3), Col("id").Cast("string"), Col("s").TryCast("int"), Col("id").BitwiseOR(4), (10 - Col("id")).Alias("r")).CollectAsync());
        Assert.Equal(["ban", "2", null, 6, 8], row.Values);
    }
}
