using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Tests.Infrastructure;
using Xunit.Abstractions;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Cleaning;

/// <summary>The full Online Retail dataset through mapping and cleaning, against the reference numbers of its README.</summary>
/// <remarks>
/// Measured here: after duplicate removal over the contract columns, 392,690 purchase lines remain, two fewer than the
/// README's 392,692, because the contract drops Description and two pairs of lines differ only in it; their revenue is
/// 8,886,657.04 (README: 8,887,208.89).
/// </remarks>
[Collection("Spark")]
public sealed class OnlineRetailCleaningTests(SparkServerFixture fixture, ITestOutputHelper output)
{
    public const long CleanAfterDedup = 392_690;

    private readonly SparkSession _spark = fixture.Spark;

    private async Task<TableSplit> SplitAsync()
    {
        DataFrame raw = await OnlineRetail.CachedRawAsync(_spark);
        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), InputTables.Transactions, OnlineRetail.Mapping);
        CleaningRules rules = CleaningRules.ForRunDate(new DateOnly(2011, 12, 10), new CleaningOptions { CancellationPrefix = "C" });
        return TableCleaner.Split(mapped, InputTables.Transactions, rules);
    }

    [Fact]
    public async Task Split_OnlineRetail_KeepsReferencePurchasesBeforeDedup()
    {
        TableSplit split = await SplitAsync();

        Row row = Assert.Single(await split.CleanBeforeDedup
            .Agg(Count(Lit(1)), CountDistinct(Col("customer_id")), Round(Sum(Col("quantity") * Col("unit_price")), 2))
            .CollectAsync());
        Assert.Equal(397_884, row.GetLong(0));
        Assert.Equal(4_338, row.GetLong(1));
        Assert.Equal(8_911_407.90, row.GetDouble(2), 2);
    }

    [Fact]
    public async Task Count_OnlineRetail_InvariantHoldsWithMeasuredCounts()
    {
        TableCounts counts = await CleaningCounter.CountAsync(await SplitAsync());

        Assert.True(counts.InvariantHolds);
        Assert.Equal(541_909, counts.RowsIn);
        Assert.Equal(397_884, counts.CleanBeforeDedup);
        Assert.Equal(CleanAfterDedup, counts.Clean);
        output.WriteLine($"rows in {counts.RowsIn}, clean {counts.Clean}, returns {counts.Returns}, quarantined {counts.Quarantined}, " +
            $"duplicates {counts.DuplicatesRemoved}, reasons {string.Join(", ", counts.QuarantineByReason)}");
        Assert.Equal(counts.RowsIn, counts.Clean + counts.Returns + counts.Quarantined + counts.DuplicatesRemoved);
        Assert.Equal(135_080, counts.QuarantineByReason[QuarantineReason.MissingKey]);
    }

    [Fact]
    public async Task Clean_OnlineRetail_AfterDedupEqualsIndependentDistinct()
    {
        TableSplit split = await SplitAsync();
        DataFrame reference = OnlineRetail.ReferencePurchases(await OnlineRetail.CachedRawAsync(_spark))
            .Select("InvoiceNo", "CustomerID", "StockCode", "Quantity", "UnitPrice", "InvoiceDate", "Country")
            .Distinct();

        Row actual = Assert.Single(await split.Clean
            .Agg(Count(Lit(1)), CountDistinct(Col("customer_id")), Round(Sum(Col("quantity") * Col("unit_price")), 2))
            .CollectAsync());
        Row expected = Assert.Single(await reference
            .Agg(Count(Lit(1)), CountDistinct(Col("CustomerID")), Round(Sum(Col("Quantity") * Col("UnitPrice")), 2))
            .CollectAsync());
        output.WriteLine($"clean after dedup: {actual.GetLong(0)} rows, {actual.GetLong(1)} customers, revenue {actual.GetDouble(2):F2}");
        Assert.Equal(CleanAfterDedup, actual.GetLong(0));
        Assert.Equal(expected.GetLong(0), actual.GetLong(0));
        Assert.Equal(4_338, actual.GetLong(1));
        Assert.Equal(expected.GetDouble(2), actual.GetDouble(2), 2);
        Assert.Equal(8_886_657.04, actual.GetDouble(2), 2);
    }
}
