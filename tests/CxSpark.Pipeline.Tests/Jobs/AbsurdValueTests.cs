using System.Text.Json;
using CxSpark.Connect.Sql;
using CxSpark.Jobs;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>Absurd transaction values are quarantined, so every customer's <c>monetary</c> equals the exact sum of its clean
/// lines: no line overflows the decimal sum and vanishes from it.</summary>
[Collection("Spark")]
public sealed class AbsurdValueTests(SparkServerFixture fixture)
{
    private const string RunDate = "2011-12-31";
    private const string TransactionDdl =
        "transaction_id STRING, customer_id STRING, product_id STRING, quantity BIGINT, unit_price DOUBLE, event_time TIMESTAMP";

    private static readonly DateTimeOffset s_time = new(2011, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SparkSession _spark = fixture.Spark;

    /// <summary>Sound lines of three customers, returns among them, and one absurd line of each kind.</summary>
    private static object?[][] Transactions =>
    [
        ["t1", "c1", "p1", 3L, 2.55, s_time],
        ["t2", "c1", "p2", 80_995L, 2.08, s_time.AddDays(1)],
        ["C3", "c1", "p2", -10L, 2.08, s_time.AddDays(2)],
        ["t4", "c2", "p1", 1L, 38_970.0, s_time],
        ["t5", "c2", "p3", 12L, 0.85, s_time.AddDays(3)],
        ["t6", "c3", "p3", 1_000_000L, 100.0, s_time],
        ["C7", "c3", "p3", -2L, 0.85, s_time.AddDays(1)],
        // Absurd: infinite as a double, beyond decimal(38,6), and past each bound alone.
        ["x1", "c1", "p1", 4_600_000_000_000_000_000L, 1e300, s_time],
        ["x2", "c2", "p1", 1_000_000_000_000_000L, 1e18, s_time],
        ["x3", "c2", "p2", 1_000_001L, 1.0, s_time],
        ["x4", "c3", "p2", 2L, 1_500_000.0, s_time],
        ["x5", "c3", "p2", 500_000L, 250.0, s_time],
        ["C8", "c1", "p1", long.MinValue, 2.0, s_time],
    ];

    [Fact]
    public async Task Profile_InputWithAbsurdRows_MonetaryEqualsExactSumOfCleanLinesForEveryCustomer()
    {
        string input = RepoPaths.NewTempDir("raw-absurd");
        await _spark.CreateDataFrame(Transactions, TransactionDdl).Coalesce(1).Write().ParquetAsync(Path.Combine(input, "transactions"));
        string output = RepoPaths.NewTempDir("out-absurd");

        ProcessResult clean = await RunAsync("clean", input, output);
        ProcessResult profile = await RunAsync("profile", input, output);

        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.ToString());
        Assert.True(profile.ExitCode == ExitCodes.Ok, profile.ToString());
        JsonElement counts = Cxspark.Manifest(output, "clean").GetProperty("cleaning").GetProperty("transactions");
        Assert.Equal(6, counts.GetProperty("quarantine_by_reason").GetProperty(QuarantineReason.AbsurdValue).GetInt64());
        Assert.Equal(5, counts.GetProperty("clean").GetInt64());
        Assert.Equal(2, counts.GetProperty("returns").GetInt64());

        // The expected sums are computed here, in C# decimal, from the published clean lines and returns as DuckDB reads them.
        Dictionary<string, decimal> expected = NetRevenue(output);
        Dictionary<string, double?> monetary = DuckDb.Rows($"SELECT customer_id, monetary FROM {DuckDb.Table(output, "customer_profiles")}")
            .ToDictionary(r => (string)r[0]!, r => r[1] is null ? (double?)null : Convert.ToDouble(r[1]));
        Assert.Equal(["c1", "c2", "c3"], monetary.Keys.Order().ToArray());
        Assert.Equal(expected.Keys.Order().ToArray(), monetary.Keys.Order().ToArray());
        foreach ((string customer, decimal sum) in expected)
        {
            Assert.True(monetary[customer] is { } value && Math.Abs(value - (double)sum) <= 1e-6, $"{customer}: monetary {monetary[customer]}, clean lines sum to {sum}");
        }

        Assert.Equal(3 * 2.55m + 80_995 * 2.08m - 10 * 2.08m, expected["c1"]);
        Assert.Equal(38_970m + 12 * 0.85m, expected["c2"]);
        Assert.Equal(100_000_000m - 2 * 0.85m, expected["c3"]);
    }

    [Fact]
    public async Task Clean_BoundsFromConfiguration_QuarantineAboveThem()
    {
        string input = RepoPaths.NewTempDir("raw-bounds");
        await _spark.CreateDataFrame(Transactions[..7], TransactionDdl).Coalesce(1).Write().ParquetAsync(Path.Combine(input, "transactions"));
        string output = RepoPaths.NewTempDir("out-bounds");

        ProcessResult clean = await RunAsync("clean", input, output,
            "--set", "Cleaning:MaxQuantity=100000", "--set", "Cleaning:MaxUnitPrice=1000", "--set", "Cleaning:MaxLineAmount=100000");

        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.ToString());
        object?[] quarantined = DuckDb.Row($"""
            SELECT string_agg(transaction_id, ',' ORDER BY transaction_id), count(*) FILTER (quarantine_reason <> '{QuarantineReason.AbsurdValue}')
            FROM {DuckDb.Table(output, "quarantine/transactions")}
            """);
        Assert.Equal(["t2", "t4", "t6"], ((string)quarantined[0]!).Split(','));
        Assert.Equal(0L, Convert.ToInt64(quarantined[1]));
    }

    /// <summary>Purchases minus returned value per customer, each line's amount rounded to a micro-unit as Spark's cast does.</summary>
    private static Dictionary<string, decimal> NetRevenue(string output)
    {
        var sums = new Dictionary<string, decimal>();
        foreach ((string table, int sign) in new[] { ("clean/transactions", 1), ("returns", -1) })
        {
            foreach (object?[] row in DuckDb.Rows($"SELECT customer_id, quantity, unit_price FROM {DuckDb.Table(output, table)}"))
            {
                (string customer, long quantity, double price) = ((string)row[0]!, Convert.ToInt64(row[1]), Convert.ToDouble(row[2]));
                Assert.True(Math.Abs((double)quantity * price) < 1e15, $"clean line of {customer}: |{quantity} × {price}| cannot be summed exactly");
                decimal amount = Math.Round(Math.Abs((decimal)quantity) * (decimal)price, 6);
                sums[customer] = sums.GetValueOrDefault(customer) + (sign * amount);
            }
        }

        return sums;
    }

    private Task<ProcessResult> RunAsync(string verb, string input, string output, params string[] extra) =>
        Cxspark.RunAsync([verb, "--input", input, "--output", output, "--run-date", RunDate, "--remote", fixture.Remote, .. extra]);
}
