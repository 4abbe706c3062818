using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using Xunit.Abstractions;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.ML.Recommendation;

/// <summary>Implicit-feedback ALS on the Online Retail purchase matrix (customers × StockCode indexed by StringIndexer).</summary>
[Collection("Spark")]
public sealed class ImplicitALSTests(SparkServerFixture fixture, ITestOutputHelper output)
{
    private const string Schema =
        "InvoiceNo STRING, StockCode STRING, Description STRING, Quantity INT, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, CustomerID DOUBLE, Country STRING";

    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_ImplicitPurchaseMatrix_RecommendsTenItemsPerCustomerFavouringBoughtOnes()
    {
        DataFrame purchases = Purchases();
        await using StringIndexerModel indexer = await new StringIndexer { InputCol = "StockCode", OutputCol = "item_index" }.FitAsync(purchases);
        DataFrame matrix = indexer.Transform(purchases)
            .GroupBy("customer", "item_index").Count()
            .Select(Col("customer"), Col("item_index").Cast("int").Alias("item"), Log1p(Col("count")).Alias("rating"));
        var als = new ALS
        {
            UserCol = "customer",
            ItemCol = "item",
            RatingCol = "rating",
            ImplicitPrefs = true,
            Alpha = 20.0,
            Rank = 10,
            RegParam = 0.1,
            MaxIter = 5,
            Seed = 42,
        };

        await using ALSModel model = await als.FitAsync(matrix);
        DataFrame recommended = model.RecommendForAllUsers(10)
            .Select(Col("customer"), Explode(Col("recommendations")).Alias("r"))
            .Select(Col("customer"), Col("r.item").Alias("item"));
        Row perCustomer = Assert.Single(await recommended.GroupBy("customer").Count()
            .Agg(Count("*").Alias("customers"), Min("count").Alias("fewest"), Max("count").Alias("most")).CollectAsync());
        long hits = await recommended.Join(matrix, ["customer", "item"], JoinType.Inner).CountAsync();

        string[] labels = await indexer.LabelsAsync();
        Row shape = Assert.Single(await matrix.Agg(Count("*").Alias("pairs"), CountDistinct(Col("item")).Alias("items")).CollectAsync());
        double hitRate = hits / (10.0 * perCustomer.GetLong("customers"));
        double randomRate = shape.GetLong("pairs") / ((double)perCustomer.GetLong("customers") * labels.Length);
        output.WriteLine($"{perCustomer.GetLong("customers")} customers, {labels.Length} items, top-10 hit rate on bought items {hitRate:F3} vs random {randomRate:F4}");

        Assert.Equal(4_338, perCustomer.GetLong("customers"));
        Assert.Equal(10, perCustomer.GetLong("fewest"));
        Assert.Equal(10, perCustomer.GetLong("most"));
        Assert.Equal(shape.GetLong("items"), labels.Length);
        Assert.Equal(10, await model.RankAsync());
        Assert.True(hitRate > 10 * randomRate, $"hit rate {hitRate} is not far above random {randomRate}");
    }

    private DataFrame Purchases()
    {
        DataFrame raw = _spark.Read().Schema(Schema).Option("header", true).Csv(RepoPaths.Dataset("online-retail", "by-day"));
        Column hasCustomer = Col("CustomerID").IsNotNull();
        Column isCancellation = Col("InvoiceNo").StartsWith("C");
        Column isPurchase = (Col("Quantity") > 0) & (Col("UnitPrice") > 0);
        return raw.Filter(hasCustomer & !isCancellation & isPurchase)
            .Select(Col("CustomerID").Cast("int").Alias("customer"), Col("StockCode"));
    }
}
