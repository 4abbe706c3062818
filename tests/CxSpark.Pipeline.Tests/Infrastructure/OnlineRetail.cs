using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Configuration;

namespace CxSpark.Pipeline.Tests.Infrastructure;

/// <summary>The full Online Retail dataset (305 daily CSVs) read through the pipeline's column mapping.</summary>
public static class OnlineRetail
{
    public const string Schema =
        "InvoiceNo STRING, StockCode STRING, Description STRING, Quantity INT, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, CustomerID DOUBLE, Country STRING";

    public static string Folder => RepoPaths.Dataset("online-retail", "by-day");

    public static IReadOnlyDictionary<string, string> Mapping { get; } = new Dictionary<string, string>
    {
        ["transaction_id"] = "InvoiceNo",
        ["customer_id"] = "CustomerID",
        ["product_id"] = "StockCode",
        ["quantity"] = "Quantity",
        ["unit_price"] = "UnitPrice",
        ["event_time"] = "InvoiceDate",
        ["country"] = "Country",
    };

    /// <summary>The configuration keys that point the transactions table at the CSVs with the mapping.</summary>
    public static Dictionary<string, string?> ConfigKeys()
    {
        var keys = new Dictionary<string, string?>
        {
            ["Tables:transactions:Path"] = Folder,
            ["Tables:transactions:Format"] = "csv",
            ["Tables:transactions:Schema"] = Schema,
            ["Cleaning:CancellationPrefix"] = "C",
        };
        foreach ((string contract, string source) in Mapping)
        {
            keys["Tables:transactions:Mapping:" + contract] = source;
        }

        return keys;
    }

    private static readonly SemaphoreSlim s_lock = new(1, 1);
    private static DataFrame? s_cached;

    public static DataFrame Raw(SparkSession spark) => spark.Read().Schema(Schema).Option("header", true).Csv(Folder);

    /// <summary>The raw CSV rows, cached in Spark once per test run (the 305 files are parsed once).</summary>
    public static async Task<DataFrame> CachedRawAsync(SparkSession spark)
    {
        await s_lock.WaitAsync();
        try
        {
            s_cached ??= await Raw(spark).CacheAsync();
            return s_cached;
        }
        finally
        {
            s_lock.Release();
        }
    }

    /// <summary>The standard cleaning of the dataset's README, written independently of the pipeline.</summary>
    public static DataFrame ReferencePurchases(DataFrame raw)
    {
        Column hasCustomer = Functions.Col("CustomerID").IsNotNull();
        Column isCancellation = Functions.Col("InvoiceNo").StartsWith("C");
        Column isPurchase = (Functions.Col("Quantity") > 0) & (Functions.Col("UnitPrice") > 0);
        return raw.Filter(hasCustomer & !isCancellation & isPurchase);
    }
}
