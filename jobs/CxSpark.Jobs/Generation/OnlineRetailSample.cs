using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Contract;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Jobs.Generation;

/// <summary>Makes a raw zone from a date slice of the UCI Online Retail CSVs, mapped to the input contract by the pipeline's own mapping.</summary>
/// <remarks>
/// Transactions keep the slice's dirty rows (missing customers, cancellations, zero prices) so that <c>clean</c> has work
/// to do; <c>channel</c> is <c>web</c>. Customers and products are derived from all rows before the slice's end:
/// signup time = first invoice, country = most frequent, email and birth year unknown (null); product name = most
/// frequent description, category from keywords in it (<see cref="OnlineRetailCategories"/>), list price = median positive
/// unit price.
/// </remarks>
public static class OnlineRetailSample
{
    /// <summary>The CSV schema of the dataset.</summary>
    public const string CsvSchema =
        "InvoiceNo STRING, StockCode STRING, Description STRING, Quantity INT, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, CustomerID DOUBLE, Country STRING";

    /// <summary>The contract-to-CSV column mapping.</summary>
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

    /// <summary>Writes transactions, customers and products of [<paramref name="from"/>, <paramref name="until"/>) under <paramref name="output"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> WriteAsync(
        SparkSession spark, string csvFolder, string output, DateOnly from, DateOnly until, CancellationToken cancellationToken = default)
    {
        DataFrame raw = spark.Read().Schema(CsvSchema).Option("header", true).Csv(csvFolder);
        Column beforeEnd = Col("InvoiceDate") < Lit(Midnight(until));
        Column inSlice = (Col("InvoiceDate") >= Lit(Midnight(from))) & beforeEnd;
        DataFrame history = raw.Filter(beforeEnd);
        DataFrame slice = raw.Filter(inSlice);

        DataFrame mapped = ContractMapper.Map(slice, await raw.SchemaAsync(cancellationToken).ConfigureAwait(false), InputTables.Transactions, Mapping);
        DataFrame transactions = mapped.Select([.. InputTables.Transactions.ColumnNames
            .Select(c => c == "channel" ? Coalesce(Col(c), Lit("web")).Alias(c) : Col(c))]);
        DataFrame sliceCustomers = transactions.Select(Col("customer_id")).Filter(Col("customer_id").IsNotNull()).Distinct();
        var tables = new Dictionary<string, DataFrame>
        {
            ["transactions"] = transactions,
            ["customers"] = Customers(history).Join(sliceCustomers, ["customer_id"], JoinType.LeftSemi),
            ["products"] = Products(history),
        };
        var counts = new Dictionary<string, long>();
        foreach ((string table, DataFrame rows) in tables)
        {
            string path = output.TrimEnd('/') + "/" + table;
            await rows.Coalesce(1).Write().Mode(SaveMode.Overwrite).Option("compression", "zstd").ParquetAsync(path, cancellationToken).ConfigureAwait(false);
            counts[table] = await spark.Read().Parquet(path).CountAsync(cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    private static DataFrame Customers(DataFrame history) => history
        .Filter(Col("CustomerID").IsNotNull())
        .GroupBy(Col("CustomerID").Cast("BIGINT").Cast("STRING").Alias("customer_id"))
        .Agg(
            Min(Col("InvoiceDate")).Alias("signup_time"),
            Mode(Col("Country")).Alias("country"),
            Lit(null).Cast("STRING").Alias("email"),
            Lit(null).Cast("BIGINT").Alias("birth_year"),
            Max(Col("InvoiceDate")).Alias("updated_at"));

    private static DataFrame Products(DataFrame history)
    {
        Column name = Mode(Trim(Col("Description")));
        Column medianPrice = Percentile(When(Col("UnitPrice") > 0.0, Col("UnitPrice")), 0.5);
        return history
            .GroupBy(Trim(Col("StockCode")).Alias("product_id"))
            .Agg(name.Alias("name"), Round(medianPrice, 2).Alias("list_price"), Max(Col("InvoiceDate")).Alias("updated_at"))
            .Select(Col("product_id"), Col("name"), OnlineRetailCategories.Of(Col("name")).Alias("category"), Col("list_price"), Col("updated_at"));
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
