using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Cleaning;

/// <summary>Each bad-input class on inline rows: the row lands in quarantine with its reason code, the invariant holds.</summary>
[Collection("Spark")]
public sealed class QuarantineRulesTests(SparkServerFixture fixture)
{
    private const string TransactionDdl =
        "transaction_id STRING, customer_id STRING, product_id STRING, quantity BIGINT, unit_price DOUBLE, event_time TIMESTAMP";

    private static readonly DateTimeOffset s_time = new(2011, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CleaningRules s_rules = CleaningRules.ForRunDate(new DateOnly(2011, 12, 31), new CleaningOptions { CancellationPrefix = "C" });
    private readonly SparkSession _spark = fixture.Spark;

    public static TheoryData<string, object?[]> BadTransactions => new()
    {
        { QuarantineReason.MissingKey, ["t1", null, "p1", 1L, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["t1", "   ", "p1", 1L, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["", "c1", "p1", 1L, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["t1", "\t", "p1", 1L, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["t1", "\u00A0", "p1", 1L, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["t1", "c1", "\u2007", 1L, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["\u202F", "c1", "p1", 1L, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["t1", "\u3000", "p1", 1L, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["t1", "\u3000 \t\u00A0\r\n\u2028\uFEFF\u200B", "p1", 1L, 1.0, s_time] },
        { QuarantineReason.InvalidPrice, ["t1", "c1", "p1", 1L, double.NaN, s_time] },
        { QuarantineReason.InvalidPrice, ["t1", "c1", "p1", 1L, double.PositiveInfinity, s_time] },
        { QuarantineReason.InvalidPrice, ["t1", "c1", "p1", 1L, -11062.06, s_time] },
        { QuarantineReason.InvalidPrice, ["t1", "c1", "p1", 1L, null, s_time] },
        { QuarantineReason.InvalidPrice, ["t1", "c1", "p1", 1L, double.NegativeInfinity, s_time] },
        { QuarantineReason.ZeroQuantity, ["t1", "c1", "p1", 0L, 1.0, s_time] },
        { QuarantineReason.ZeroQuantity, ["t1", "c1", "p1", null, 1.0, s_time] },
        { QuarantineReason.MissingKey, ["t1", "c1", null, 1L, 1.0, s_time] },
        { QuarantineReason.ZeroPrice, ["t1", "c1", "p1", 2L, 0.0, s_time] },
        { QuarantineReason.NullTime, ["t1", "c1", "p1", 1L, 1.0, null] },
        { QuarantineReason.FutureTime, ["t1", "c1", "p1", 1L, 1.0, new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero)] },
        { QuarantineReason.TimeTooEarly, ["t1", "c1", "p1", 1L, 1.0, new DateTimeOffset(1989, 12, 31, 23, 0, 0, TimeSpan.Zero)] },
        { QuarantineReason.AbsurdValue, ["t1", "c1", "p1", 4_600_000_000_000_000_000L, 1e300, s_time] },
        { QuarantineReason.AbsurdValue, ["t1", "c1", "p1", 1_000_001L, 1.0, s_time] },
        { QuarantineReason.AbsurdValue, ["t1", "c1", "p1", 1L, 1_000_000.01, s_time] },
        { QuarantineReason.AbsurdValue, ["t1", "c1", "p1", 500_000L, 200.01, s_time] },
        { QuarantineReason.AbsurdValue, ["C1", "c1", "p1", long.MinValue, 2.0, s_time] },
        { QuarantineReason.AbsurdValue, ["t1", "c1", "p1", -1_000_000L, 100.01, s_time] },
    };

    /// <summary>Values exactly at the default bounds (|quantity| 1e6, unit price 1e6, line amount 1e8) are valid.</summary>
    [Theory]
    [InlineData(1_000_000L, 100.0, 1, 0)]
    [InlineData(-1_000_000L, 100.0, 0, 1)]
    [InlineData(100L, 1_000_000.0, 1, 0)]
    [InlineData(80_995L, 2.08, 1, 0)]
    public async Task Split_TransactionAtTheBounds_NotQuarantined(long quantity, double price, long clean, long returns)
    {
        TableCounts counts = await CountAsync(InputTables.Transactions, TransactionDdl, [["t1", "c1", "p1", quantity, price, s_time]]);

        Assert.Equal(0, counts.Quarantined);
        Assert.Equal(clean, counts.Clean);
        Assert.Equal(returns, counts.Returns);
    }

    [Fact]
    public async Task Split_BoundsFromRules_QuarantineAboveThem()
    {
        CleaningRules tight = s_rules with { Options = s_rules.Options with { Bounds = new ValueBounds { MaxQuantity = 10, MaxUnitPrice = 5, MaxLineAmount = 20 } } };
        DataFrame raw = _spark.CreateDataFrame(
            [["t1", "c1", "p1", 10L, 2.0, s_time], ["t2", "c1", "p1", 11L, 1.0, s_time], ["t3", "c1", "p1", 1L, 5.5, s_time], ["t4", "c1", "p1", 5L, 4.5, s_time]],
            TransactionDdl);
        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), InputTables.Transactions, new Dictionary<string, string>());

        TableCounts counts = await CleaningCounter.CountAsync(TableCleaner.Split(mapped, InputTables.Transactions, tight));

        Assert.Equal(1, counts.Clean);
        Assert.Equal(3, counts.QuarantineByReason[QuarantineReason.AbsurdValue]);
    }

    [Theory]
    [MemberData(nameof(BadTransactions))]
    public async Task Split_BadTransaction_QuarantinedWithReason(string reason, object?[] row)
    {
        TableCounts counts = await CountAsync(InputTables.Transactions, TransactionDdl, [row, ["ok", "c1", "p1", 1L, 1.0, s_time]]);

        Assert.Equal(1, counts.Clean);
        Assert.Equal(1, counts.Quarantined);
        Assert.Equal(1, counts.QuarantineByReason[reason]);
    }

    [Fact]
    public async Task Split_UnparseableValue_Quarantined()
    {
        DataFrame raw = _spark.CreateDataFrame(
            [["t1", "c1", "p1", "2.5", "1.0", "2011-06-01 10:00:00"], ["t2", "c1", "p1", "2", "1.0", "2011-06-01 10:00:00"]],
            "transaction_id STRING, customer_id STRING, product_id STRING, quantity STRING, unit_price STRING, event_time STRING");
        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), InputTables.Transactions, new Dictionary<string, string>());

        TableCounts counts = await CleaningCounter.CountAsync(TableCleaner.Split(mapped, InputTables.Transactions, s_rules));

        Assert.Equal(1, counts.QuarantineByReason[QuarantineReason.UnparseableValue]);
        Assert.Equal(1, counts.Clean);
    }

    public static TheoryData<string, string, object?[], string> BadRowsOfOtherTables => new()
    {
        { "customers", "customer_id STRING, country STRING", [" ", "UK"], QuarantineReason.MissingKey },
        { "products", "product_id STRING, list_price DOUBLE", [null, 1.0], QuarantineReason.MissingKey },
        { "products", "product_id STRING, list_price DOUBLE", ["p1", -0.5], QuarantineReason.InvalidPrice },
        { "products", "product_id STRING, list_price DOUBLE", ["p1", double.NaN], QuarantineReason.InvalidPrice },
        { "events", "event_id STRING, customer_id STRING, event_type STRING, event_time TIMESTAMP", ["", "c1", "view", s_time], QuarantineReason.MissingKey },
        { "events", "event_id STRING, customer_id STRING, event_type STRING, event_time TIMESTAMP", ["e1", "c1", "view", null], QuarantineReason.NullTime },
        { "events", "event_id STRING, customer_id STRING, event_type STRING, event_time TIMESTAMP", ["e1", "c1", "view", s_time.AddYears(1)], QuarantineReason.FutureTime },
        { "ratings", "customer_id STRING, product_id STRING, rating DOUBLE, event_time TIMESTAMP", ["c1", null, 4.0, s_time], QuarantineReason.MissingKey },
        { "ratings", "customer_id STRING, product_id STRING, rating DOUBLE, event_time TIMESTAMP", ["c1", "p1", 4.0, s_time.AddYears(-30)], QuarantineReason.TimeTooEarly },
        { "ratings", "customer_id STRING, product_id STRING, rating DOUBLE, event_time STRING", ["c1", "p1", 4.0, "last week"], QuarantineReason.UnparseableValue },
    };

    [Theory]
    [MemberData(nameof(BadRowsOfOtherTables))]
    public async Task Split_BadRowOfOtherTable_QuarantinedWithReason(string table, string ddl, object?[] row, string reason)
    {
        TableCounts counts = await CountAsync(InputTables.Get(table), ddl, [row]);

        Assert.Equal(0, counts.Clean);
        Assert.Equal(1, counts.QuarantineByReason[reason]);
    }

    [Fact]
    public async Task Split_KeysWithUnicodeBlanksAroundText_TrimmedToTheSameKeyInnerBlanksKept()
    {
        DataFrame raw = _spark.CreateDataFrame(
            [["t1", "c1", "p1", 1L, 2.0, s_time], ["\u00A0t1\u3000", "\tc1\u202F", " p1\u2007", 1L, 2.0, s_time], ["t2", "\uFEFFc\u00A01 ", "p1", 1L, 2.0, s_time]],
            TransactionDdl);
        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), InputTables.Transactions, new Dictionary<string, string>());
        TableSplit split = TableCleaner.Split(mapped, InputTables.Transactions, s_rules);

        TableCounts counts = await CleaningCounter.CountAsync(split);
        IReadOnlyList<Row> rows = await split.Clean.OrderBy(Col("transaction_id")).CollectAsync();

        Assert.Equal(1, counts.DuplicatesRemoved);
        Assert.Equal(["t1|c1|p1", "t2|c\u00A01|p1"], rows.Select(r => $"{r.GetString("transaction_id")}|{r.GetString("customer_id")}|{r.GetString("product_id")}").ToArray());
    }

    [Fact]
    public async Task Map_NumberTextWithUnicodeBlanks_TrimmedAndBlankIsNullNotUnparseable()
    {
        TableCounts counts = await CountAsync(InputTables.Transactions,
            "transaction_id STRING, customer_id STRING, product_id STRING, quantity STRING, unit_price STRING, event_time TIMESTAMP",
            [["t1", "c1", "p1", "\u00A012\u3000", "\t2.5\u202F", s_time], ["t2", "c1", "p1", "\u3000\u00A0", "1.0", s_time], ["t3", "c1", "p1", "1\u00A02", "1.0", s_time]]);

        Assert.Equal(1, counts.Clean);
        Assert.Equal(1, counts.QuarantineByReason[QuarantineReason.ZeroQuantity]);
        Assert.Equal(1, counts.QuarantineByReason[QuarantineReason.UnparseableValue]);
    }

    [Fact]
    public async Task Split_UnparseableTime_QuarantinedAsUnparseableNotNullTime()
    {
        TableCounts counts = await CountAsync(InputTables.Transactions,
            "transaction_id STRING, customer_id STRING, product_id STRING, quantity BIGINT, unit_price DOUBLE, event_time STRING",
            [["t1", "c1", "p1", 1L, 1.0, "yesterday"], ["t2", "c1", "p1", 1L, 1.0, null], ["t3", "c1", "p1", 1L, 1.0, "2011-06-01 10:00:00"]]);

        Assert.Equal(1, counts.QuarantineByReason[QuarantineReason.UnparseableValue]);
        Assert.Equal(1, counts.QuarantineByReason[QuarantineReason.NullTime]);
        Assert.Equal(1, counts.Clean);
    }

    [Fact]
    public async Task Split_ReturnsAndDuplicates_CountedAndInvariantHolds()
    {
        TableCounts counts = await CountAsync(InputTables.Transactions, TransactionDdl,
        [
            ["t1", "c1", "p1", 1L, 2.0, s_time],
            ["t1", "c1", "p1", 1L, 2.0, s_time],
            [" t1 ", "c1", "p1", 1L, 2.0, s_time],
            ["C9", "c1", "p1", -1L, 2.0, s_time],
            ["C9", "c1", "p1", -1L, 2.0, s_time],
            ["t2", "c1", "p2", -3L, 0.0, s_time],
            ["t3", null, "p2", 3L, 1.0, s_time],
        ]);

        Assert.Equal(7, counts.RowsIn);
        Assert.Equal(1, counts.Clean);
        Assert.Equal(3, counts.CleanBeforeDedup);
        Assert.Equal(2, counts.Returns);
        Assert.Equal(1, counts.Quarantined);
        Assert.Equal(3, counts.DuplicatesRemoved);
        Assert.True(counts.InvariantHolds);
    }

    [Theory]
    [InlineData("view", null)]
    [InlineData("purchase", null)]
    [InlineData("click", QuarantineReason.UnknownEventType)]
    [InlineData(null, QuarantineReason.UnknownEventType)]
    public async Task Split_EventType_QuarantinedWhenUnknown(string? eventType, string? reason)
    {
        TableCounts counts = await CountAsync(InputTables.Events, "event_id STRING, customer_id STRING, event_type STRING, event_time TIMESTAMP",
            [["e1", "c1", eventType, s_time]]);

        Assert.Equal(reason is null ? 1 : 0, counts.Clean);
        Assert.Equal(reason is null ? 0 : 1, reason is null ? counts.Quarantined : counts.QuarantineByReason[reason]);
    }

    [Theory]
    [InlineData(0.5, null)]
    [InlineData(5.0, null)]
    [InlineData(0.0, QuarantineReason.RatingOutOfRange)]
    [InlineData(5.5, QuarantineReason.RatingOutOfRange)]
    [InlineData(double.NaN, QuarantineReason.RatingOutOfRange)]
    public async Task Split_Rating_QuarantinedWhenOutOfRange(double rating, string? reason)
    {
        TableCounts counts = await CountAsync(InputTables.Ratings, "customer_id STRING, product_id STRING, rating DOUBLE, event_time TIMESTAMP",
            [["c1", "p1", rating, s_time]]);

        Assert.Equal(reason is null ? 1 : 0, counts.Clean);
        Assert.Equal(reason is null ? 0 : 1, reason is null ? counts.Quarantined : counts.QuarantineByReason[reason]);
    }

    [Fact]
    public async Task Split_CustomerVersions_KeepsLatestUpdate()
    {
        DataFrame raw = _spark.CreateDataFrame(
            [["c1", "UK", s_time], ["c1", "France", s_time.AddDays(3)], ["c2", "Spain", s_time]],
            "customer_id STRING, country STRING, updated_at TIMESTAMP");
        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), InputTables.Customers, new Dictionary<string, string>());
        TableSplit split = TableCleaner.Split(mapped, InputTables.Customers, s_rules);

        TableCounts counts = await CleaningCounter.CountAsync(split);
        IReadOnlyList<Row> rows = await split.Clean.OrderBy(Col("customer_id")).CollectAsync();

        Assert.Equal(1, counts.DuplicatesRemoved);
        Assert.Equal(["France", "Spain"], rows.Select(r => r.GetString("country")!).ToArray());
    }

    [Fact]
    public async Task Count_ValidRowInNoPart_ViolatesInvariant()
    {
        // A valid row with a null return flag passes neither the purchases' nor the returns' filter: it would vanish.
        DataFrame raw = _spark.CreateDataFrame([["t1", "c1", "p1", 1L, 1.0, s_time], ["t2", "c1", "p1", 1L, 1.0, s_time]], TransactionDdl);
        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), InputTables.Transactions, new Dictionary<string, string>());
        DataFrame classified = TableCleaner.Classify(mapped, InputTables.Transactions, s_rules)
            .WithColumn("is_return", Expr("IF(transaction_id = 't2', CAST(NULL AS BOOLEAN), is_return)"));

        CleaningInvariantException error = await Assert.ThrowsAsync<CleaningInvariantException>(
            () => CleaningCounter.CountAsync(TableCleaner.SplitClassified(classified, InputTables.Transactions)));

        Assert.Equal(2, error.Counts.RowsIn);
        Assert.Equal(1, error.Counts.Clean);
    }

    private async Task<TableCounts> CountAsync(TableContract contract, string ddl, IEnumerable<object?[]> rows)
    {
        DataFrame raw = _spark.CreateDataFrame(rows, ddl);
        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), contract, new Dictionary<string, string>());
        TableCounts counts = await CleaningCounter.CountAsync(TableCleaner.Split(mapped, contract, s_rules));
        Assert.True(counts.InvariantHolds);
        return counts;
    }
}
