using CxSpark.Connect.Errors;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Sql;

[Collection("Spark")]
public sealed class DataFrameWriterTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    private DataFrame Sample() => _spark.Range(0, 100).Select(Col("id"), (Col("id") % 3).Alias("bucket"), Concat(Lit("n"), Col("id").Cast("string")).Alias("name"));

    [Fact]
    public async Task ParquetAsync_PartitionByOverwrite_ReadsBackAndReplaces()
    {
        string path = "file://" + RepoPaths.NewTempDir("parquet");
        await Sample().Write().Mode(SaveMode.Overwrite).PartitionBy("bucket").Option("compression", "zstd").ParquetAsync(path);
        Assert.True(File.Exists(Path.Combine(path["file://".Length..], "_SUCCESS")));
        Assert.True(Directory.Exists(Path.Combine(path["file://".Length..], "bucket=2")));
        DataFrame back = _spark.Read().Parquet(path);
        Assert.Equal(100, await back.CountAsync());
        Assert.Equal(34, await back.Filter(Col("bucket") == 0).CountAsync());
        await Sample().Limit(10).Write().Mode("overwrite").Format("parquet").SaveAsync(path);
        Assert.Equal(10, await _spark.Read().Parquet(path).CountAsync());
        await Sample().Limit(5).Write().Mode(SaveMode.Append).ParquetAsync(path);
        Assert.Equal(15, await _spark.Read().Format("parquet").Load(path).CountAsync());
        await Assert.ThrowsAnyAsync<CxSpark.Connect.Errors.SparkServerException>(() => Sample().Write().ParquetAsync(path));
        await Sample().Write().Mode(SaveMode.Ignore).ParquetAsync(path);
        Assert.Equal(15, await _spark.Read().Parquet(path).CountAsync());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("orc")]
    public async Task SaveAsync_OtherFormats_RoundTrip(string format)
    {
        string path = RepoPaths.NewTempDir(format);
        DataFrameWriter writer = Sample().Write().Mode(SaveMode.Overwrite).Option("header", "true");
        Task write = format switch
        {
            "csv" => writer.CsvAsync(path),
            "json" => writer.JsonAsync(path),
            _ => writer.OrcAsync(path),
        };
        await write;
        DataFrameReader reader = _spark.Read().Option("header", true).Schema("id BIGINT, bucket BIGINT, name STRING");
        DataFrame back = format switch
        {
            "csv" => reader.Csv(path),
            "json" => reader.Json(path),
            _ => _spark.Read().Orc(path),
        };
        Row totals = (await back.Agg(Count("*"), Sum("id"), Max(Col("name"))).FirstAsync())!;
        Assert.Equal([100L, 4950L, "n99"], totals.Values);
    }

    [Fact]
    public async Task Load_SeveralPathsAndText_ReadsAll()
    {
        string a = RepoPaths.NewTempDir("multi-a");
        string b = RepoPaths.NewTempDir("multi-b");
        await Sample().Limit(3).Write().Mode(SaveMode.Overwrite).ParquetAsync(a);
        await Sample().Limit(4).Write().Mode(SaveMode.Overwrite).ParquetAsync(b);
        Assert.Equal(7, await _spark.Read().Parquet(a, b).CountAsync());
        string text = RepoPaths.NewTempDir("text");
        await File.WriteAllLinesAsync(Path.Combine(text, "lines.txt"), ["one", "two", "three"]);
        Assert.Equal(["one", "two", "three"], (await _spark.Read().Text(text).CollectAsync()).Select(r => r.GetString("value")));
        Assert.Equal(3, await _spark.Read().Options(new Dictionary<string, string> { ["lineSep"] = "\n" }).Format("text").Load(text).CountAsync());
    }

    [Fact]
    public async Task SaveAsTableInsertInto_InMemoryCatalog()
    {
        await _spark.SqlAsync("DROP TABLE IF EXISTS writer_table");
        await Sample().Write().Mode(SaveMode.Overwrite).BucketBy(4, "bucket").SortBy("id").SaveAsTableAsync("writer_table");
        Assert.Equal(100, await _spark.Table("writer_table").CountAsync());
        await Sample().Limit(10).Write().InsertIntoAsync("writer_table");
        Assert.Equal(110, await _spark.Read().Table("writer_table").CountAsync());
        await _spark.SqlAsync("DROP TABLE writer_table");
    }

    [Fact]
    public async Task WriteTo_V2Writer_CreatesTableAndSessionCatalogRefusesV2Rewrites()
    {
        await _spark.SqlAsync("DROP TABLE IF EXISTS writer_v2");
        await Sample().WriteTo("writer_v2").Using("parquet").TableProperty("team", "cxspark").CreateAsync();
        Assert.Equal(100, await _spark.Table("writer_v2").CountAsync());
        Row team = Assert.Single(await (await _spark.SqlAsync("SHOW TBLPROPERTIES writer_v2 ('team')")).CollectAsync());
        Assert.Equal("cxspark", team.GetString("value"));

        // The built-in session catalog holds V1 tables: Spark refuses V2 appends and replaces there (a V2 catalog accepts them).
        AnalysisException append = await Assert.ThrowsAsync<AnalysisException>(() => Sample().WriteTo("writer_v2").AppendAsync());
        Assert.Contains("v1 table", append.Message, StringComparison.Ordinal);
        AnalysisException replace = await Assert.ThrowsAsync<AnalysisException>(() => Sample().WriteTo("writer_v2").Using("parquet").CreateOrReplaceAsync());
        Assert.Equal("UNSUPPORTED_FEATURE.TABLE_OPERATION", replace.ErrorClass);
        await _spark.SqlAsync("DROP TABLE writer_v2");
    }

    [Fact]
    public async Task Write_NoopFormat_RunsWithoutOutput()
    {
        await _spark.Range(0, 1000).Write().Format("noop").Mode(SaveMode.Overwrite).SaveAsync();
    }
}
