using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Sql;

/// <summary>The reference numbers of ../shared/datasets/online-retail/README.md, through the C# API.</summary>
[Collection("Spark")]
public sealed class OnlineRetailTests(SparkServerFixture fixture)
{
    private const string Schema =
        "InvoiceNo STRING, StockCode STRING, Description STRING, Quantity INT, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, CustomerID DOUBLE, Country STRING";

    private readonly SparkSession _spark = fixture.Spark;

    private DataFrame Raw() => _spark.Read().Schema(Schema).Option("header", true).Csv(RepoPaths.Dataset("online-retail", "by-day"));

    private DataFrame StandardClean()
    {
        Column hasCustomer = Col("CustomerID").IsNotNull();
        Column isCancellation = Col("InvoiceNo").StartsWith("C");
        Column isPurchase = (Col("Quantity") > 0) & (Col("UnitPrice") > 0);
        return Raw().Filter(hasCustomer & !isCancellation & isPurchase);
    }

    [Fact]
    public async Task Read_305DailyCsvs_Gives541909Rows()
    {
        Assert.Equal(541_909, await Raw().CountAsync());
    }

    [Fact]
    public async Task StandardCleaning_MatchesReference()
    {
        Row row = Assert.Single(await StandardClean()
            .Agg(Count("*"), CountDistinct(Col("CustomerID")), Round(Sum(Col("Quantity") * Col("UnitPrice")), 2))
            .CollectAsync());
        Assert.Equal(397_884, row.GetLong(0));
        Assert.Equal(4_338, row.GetLong(1));
        Assert.Equal(8_911_407.90, row.GetDouble(2), 2);
    }

    [Fact]
    public async Task StandardCleaning_AfterDuplicateRemoval_MatchesReference()
    {
        Row row = Assert.Single(await StandardClean().DropDuplicates()
            .Agg(Count("*"), Round(Sum(Col("Quantity") * Col("UnitPrice")), 2))
            .CollectAsync());
        Assert.Equal(392_692, row.GetLong(0));
        Assert.Equal(8_887_208.89, row.GetDouble(1), 2);
    }

    [Fact]
    public async Task ExactDuplicates_InRawData_Are5268()
    {
        DataFrame raw = Raw();
        long total = await raw.CountAsync();
        long distinct = await raw.Distinct().CountAsync();
        Assert.Equal(5_268, total - distinct);
    }

    [Fact]
    public async Task GroupBy_Countries_Has38()
    {
        IReadOnlyList<Row> top = await Raw().GroupBy("Country").Count().OrderBy(Col("count").Desc()).CollectAsync();
        Assert.Equal(38, top.Count);
        Assert.Equal("United Kingdom", top[0].GetString("Country"));
    }
}
