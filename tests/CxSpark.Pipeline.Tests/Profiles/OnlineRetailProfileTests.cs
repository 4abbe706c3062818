using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Profiles;
using CxSpark.Pipeline.Tests.Infrastructure;
using Xunit.Abstractions;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Profiles;

/// <summary>Customer profiles of the full Online Retail dataset against a computation written here from the raw CSV columns.</summary>
[Collection("Spark")]
public sealed class OnlineRetailProfileTests(SparkServerFixture fixture, ITestOutputHelper output)
{
    private static readonly DateOnly s_referenceDate = new(2011, 12, 10);
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task Build_OnlineRetail_FrequencyAndMonetaryEqualIndependentComputation()
    {
        DataFrame raw = await OnlineRetail.CachedRawAsync(_spark);
        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), InputTables.Transactions, OnlineRetail.Mapping);
        TableSplit split = TableCleaner.Split(mapped, InputTables.Transactions, CleaningRules.ForRunDate(s_referenceDate, new CleaningOptions { CancellationPrefix = "C" }));
        DataFrame profiles = await RfmScorer.WithRfmScores(CustomerProfiler.Build(split.Clean, split.Returns, null, null, s_referenceDate)).CacheAsync();

        DataFrame expected = Independent(raw);
        DataFrame compared = profiles.Join(expected, ["customer_id"], JoinType.FullOuter);
        Column frequencyDiffers = Coalesce(Col("frequency") != Col("expected_frequency"), Lit(true));
        Column monetaryDiffers = Coalesce(Abs(Col("monetary") - Col("expected_monetary")) > 1e-6, Lit(true));
        Row row = Assert.Single(await compared.Agg(
            Count(Lit(1)),
            CountIf(frequencyDiffers),
            CountIf(monetaryDiffers),
            Round(Avg(Col("recency_days")), 2),
            Round(Avg(Col("frequency")), 3),
            Min(Col("r_score")), Max(Col("r_score")), Min(Col("f_score")), Max(Col("m_score")),
            CountIf(Col("rfm_class").IsNull())).CollectAsync());

        Assert.Equal(4_338, await profiles.CountAsync());
        Assert.Equal(4_338, row.GetLong(0));
        Assert.Equal(0, row.GetLong(1));
        Assert.Equal(0, row.GetLong(2));
        Assert.Equal(93.06, row.GetDouble(3), 2);
        Assert.Equal(4.272, row.GetDouble(4), 3);
        Assert.Equal([1, 5, 1, 5], new[] { row.GetInt(5), row.GetInt(6), row.GetInt(7), row.GetInt(8) });
        Assert.Equal(0, row.GetLong(9));

        IReadOnlyList<Row> classes = await profiles.GroupBy("rfm_class").Count().OrderBy(Col("rfm_class")).CollectAsync();
        output.WriteLine(string.Join(", ", classes.Select(c => $"{c.GetString(0)} {c.GetLong(1)}")));
        Assert.Equal(4_338, classes.Sum(c => c.GetLong(1)));
        Assert.All(classes, c => Assert.Contains(c.GetString(0), RfmClass.All));
        await profiles.UnpersistAsync();
    }

    /// <summary>Frequency and net revenue per customer from the raw columns: distinct purchase lines minus distinct return lines.</summary>
    private static DataFrame Independent(DataFrame raw)
    {
        string[] lineColumns = ["InvoiceNo", "CustomerID", "StockCode", "Quantity", "UnitPrice", "InvoiceDate", "Country"];
        Column customer = Col("CustomerID").Cast("BIGINT").Cast("STRING").Alias("customer_id");
        DataFrame purchases = OnlineRetail.ReferencePurchases(raw).Select(lineColumns[0], lineColumns[1..]).Distinct();
        Column isReturn = Col("InvoiceNo").StartsWith("C") | (Col("Quantity") < 0);
        DataFrame returns = raw
            .Filter(Col("CustomerID").IsNotNull() & isReturn & (Col("UnitPrice") >= 0.0))
            .Select(lineColumns[0], lineColumns[1..]).Distinct();
        DataFrame bought = purchases.GroupBy(customer)
            .Agg(CountDistinct(Col("InvoiceNo")).Alias("expected_frequency"), Sum(Col("Quantity") * Col("UnitPrice")).Alias("gross"));
        DataFrame returned = returns.GroupBy(customer).Agg(Sum(Abs(Col("Quantity")) * Col("UnitPrice")).Alias("returned"));
        return bought.Join(returned, ["customer_id"], JoinType.LeftOuter).Select(
            Col("customer_id"),
            Col("expected_frequency"),
            (Col("gross") - Coalesce(Col("returned"), Lit(0.0))).Alias("expected_monetary"));
    }
}
