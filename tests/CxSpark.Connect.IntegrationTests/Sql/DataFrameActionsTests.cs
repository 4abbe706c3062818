using Apache.Arrow;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Sql;

[Collection("Spark")]
public sealed class DataFrameActionsTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task CollectAsync_AllTypes_DecodedToDotNetValues()
    {
        DataFrame df = await _spark.SqlAsync(
            "SELECT CAST(1 AS TINYINT) b, CAST(2 AS SMALLINT) s, 3 i, 4L l, CAST(1.5 AS FLOAT) f, 2.5D d, CAST('12.34' AS DECIMAL(10,2)) m, " +
            "'txt' str, true bo, X'CAFE' bin, DATE'2011-12-09' dt, TIMESTAMP'2011-12-09 12:50:00' ts, TIMESTAMP_NTZ'2011-12-09 12:50:00' ntz, " +
            "array(1, 2) arr, map('k', 1.0D) mp, named_struct('a', 1, 'b', 'x') st, CAST(NULL AS STRING) nul");
        Row row = Assert.Single(await df.CollectAsync());
        Assert.Equal((sbyte)1, row["b"]);
        Assert.Equal((short)2, row["s"]);
        Assert.Equal(3, row["i"]);
        Assert.Equal(4L, row["l"]);
        Assert.Equal(1.5f, row["f"]);
        Assert.Equal(2.5, row["d"]);
        Assert.Equal(12.34m, row.GetDecimal("m"));
        Assert.Equal("txt", row["str"]);
        Assert.Equal(true, row["bo"]);
        Assert.Equal(new byte[] { 0xCA, 0xFE }, row["bin"]);
        Assert.Equal(new DateOnly(2011, 12, 9), row.GetDate("dt"));
        Assert.Equal(new DateTimeOffset(2011, 12, 9, 12, 50, 0, TimeSpan.Zero), row.GetTimestamp("ts"));
        Assert.Equal(new DateTime(2011, 12, 9, 12, 50, 0, DateTimeKind.Unspecified), row["ntz"]);
        Assert.Equal([1, 2], row.GetArray<int>("arr")!);
        Assert.Equal(1.0, ((Dictionary<object, object?>)row["mp"]!)["k"]);
        Row st = row.GetStruct("st")!;
        Assert.Equal(1, st.GetInt("a"));
        Assert.Equal("x", st.GetString("b"));
        Assert.True(row.IsNullAt(row.Schema.IndexOf("nul")));
        Assert.Equal("[1, 2, 3, 4, 1.5, 2.5, 12.34, txt, True, [202, 254]", row.ToString()[..51]);
    }

    [Fact]
    public async Task FirstTakeHeadIsEmpty_SmallResults()
    {
        DataFrame df = _spark.Range(10, 20);
        Assert.Equal(10L, (await df.FirstAsync())!.GetLong(0));
        Assert.Equal(3, (await df.TakeAsync(3)).Count);
        Assert.Equal(2, (await df.HeadAsync(2)).Count);
        Assert.False(await df.IsEmptyAsync());
        Assert.True(await df.Filter(Col("id") < 0).IsEmptyAsync());
        Assert.Null(await df.Filter(Col("id") < 0).FirstAsync());
        Assert.Empty(await df.Filter(Col("id") < 0).CollectAsync());
    }

    [Fact]
    public async Task ShowStringAsync_SparkTextTable()
    {
        DataFrame df = _spark.CreateDataFrame([[1, "a"], [2, "bbbbbbbbbbbbbbbbbbbbbbbbb"]], "id INT, s STRING");
        string expected = """
            +---+--------------------+
            | id|                   s|
            +---+--------------------+
            |  1|                   a|
            |  2|bbbbbbbbbbbbbbbbb...|
            +---+--------------------+

            """;
        Assert.Equal(expected, await df.ShowStringAsync());
        var writer = new StringWriter();
        await df.ShowAsync(numRows: 1, truncate: 0, writer: writer);
        Assert.Contains("only showing top 1 row", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("-RECORD 0-", await df.ShowStringAsync(vertical: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaAsync_MatchesSparkTypes()
    {
        DataFrame df = await _spark.SqlAsync("SELECT 1 AS a, 'x' AS b, array(1.0D) AS c, map('k', 1L) AS d, CAST(1 AS DECIMAL(5,1)) AS e");
        StructType schema = await df.SchemaAsync();
        Assert.Equal("struct<a:int,b:string,c:array<double>,d:map<string,bigint>,e:decimal(5,1)>", schema.SimpleString);
        Assert.Equal(new ArrayType(new DoubleType(), ContainsNull: false), schema["c"].DataType);
        Assert.False(schema["a"].Nullable);
        Assert.True(schema["e"].Nullable);
        Assert.Equal(schema, DataType.FromJson(schema.Json));
        Assert.Equal(schema.Ddl, StructType.FromDdl(schema.Ddl).Ddl);
        Assert.Contains("|-- c: array (nullable = false)", await df.TreeStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Project", await df.ExplainAsync("extended"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToArrowAsync_StreamsBatchesWithAllRows()
    {
        long rows = 0;
        int batches = 0;
        await foreach (RecordBatch batch in _spark.Range(0, 200_000, 1, 4).Select(Col("id"), (Col("id") * 2).Alias("twice")).ToArrowAsync())
        {
            using (batch)
            {
                rows += batch.Length;
                batches++;
                Assert.Equal(2, batch.ColumnCount);
            }
        }

        Assert.Equal(200_000, rows);
        Assert.True(batches >= 1);
    }

    [Fact]
    public async Task ToDataAnalysisFrameAsync_ConvertsColumns()
    {
        Microsoft.Data.Analysis.DataFrame frame = await _spark.Range(0, 5).Select(Col("id"), Lit("x").Alias("s")).ToDataAnalysisFrameAsync();
        Assert.Equal(5, frame.Rows.Count);
        Assert.Equal(10L, frame.Columns["id"].Cast<long>().Sum());
        Assert.Equal("x", frame.Columns["s"][0]);
        Microsoft.Data.Analysis.DataFrame empty = await _spark.Range(0).ToDataAnalysisFrameAsync();
        Assert.Equal(0, empty.Rows.Count);
        Assert.Equal("id", empty.Columns[0].Name);
    }

    [Fact]
    public async Task TempViews_RegisterAndQuery()
    {
        await _spark.Range(0, 3).CreateOrReplaceTempViewAsync("actions_view");
        Assert.Equal(3, await (await _spark.SqlAsync("SELECT * FROM actions_view")).CountAsync());
        await _spark.Range(0, 4).CreateOrReplaceGlobalTempViewAsync("actions_global");
        Assert.Equal(4, await _spark.Table("global_temp.actions_global").CountAsync());
        await Assert.ThrowsAnyAsync<CxSpark.Connect.Errors.AnalysisException>(() => _spark.Range(1).CreateTempViewAsync("actions_view"));
    }

    [Fact]
    public async Task CacheAndCheckpoint_PersistAndCutLineage()
    {
        DataFrame df = _spark.Range(0, 1000).Select((Col("id") % 10).Alias("k"));
        Assert.Equal(StorageLevel.None, await df.StorageLevelAsync());
        await df.CacheAsync();
        Assert.Equal(StorageLevel.MemoryAndDisk, await df.StorageLevelAsync());
        Assert.Equal(1000, await df.CountAsync());
        await df.UnpersistAsync(blocking: true);
        Assert.Equal(StorageLevel.None, await df.StorageLevelAsync());
        await df.PersistAsync(StorageLevel.DiskOnly);
        Assert.Equal(StorageLevel.DiskOnly, await df.StorageLevelAsync());
        await df.UnpersistAsync();
        DataFrame local = await df.LocalCheckpointAsync();
        Assert.Equal(10, await local.Distinct().CountAsync());
        DataFrame reliable = await df.CheckpointAsync();
        Assert.Equal(1000, await reliable.CountAsync());
    }
}
