using CxSpark.Connect.Sql;
using CxSpark.Jobs;
using CxSpark.Pipeline.Tests.Infrastructure;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>A file of a Parquet table folder that Spark cannot read (random bytes, a CSV file, a damaged data page) stops
/// clean with exit 2 naming the table and the file, and nothing is published.</summary>
[Collection("Spark")]
public sealed class UnreadableInputTests(SparkServerFixture fixture)
{
    private const string TransactionDdl =
        "transaction_id STRING, customer_id STRING, product_id STRING, quantity BIGINT, unit_price DOUBLE, event_time TIMESTAMP";

    private static readonly DateTimeOffset s_time = new(2011, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SparkSession _spark = fixture.Spark;

    /// <summary>The bad file's name decides where Spark meets it: names sorted after <c>part-00000-…</c> fail when the data is
    /// read, names sorted before it fail while the schema is inferred from that file.</summary>
    [Theory]
    [InlineData("part-0001.parquet", "random")]
    [InlineData("a-first.parquet", "random")]
    [InlineData("part-0001.csv", "csv")]
    [InlineData("notes.csv", "csv")]
    public async Task Clean_UnreadableFileInTransactions_Exits2NamingTableAndFileAndPublishesNothing(string name, string content)
    {
        string input = RepoPaths.NewTempDir("raw-unreadable");
        string transactions = Path.Combine(input, "transactions");
        await WriteTransactionsAsync(transactions);
        string bad = Path.Combine(transactions, name);
        if (content == "csv")
        {
            await File.WriteAllTextAsync(bad, "transaction_id,customer_id,product_id,quantity,unit_price,event_time\nt9,c1,p1,1,2.5,2011-06-01 10:00:00\n");
        }
        else
        {
            await File.WriteAllBytesAsync(bad, RandomBytes(4096));
        }

        string output = RepoPaths.NewTempDir("out-unreadable");

        ProcessResult result = await RunCleanAsync(input, output);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("Input table 'transactions': cannot read ", result.Stderr);
        Assert.Contains("transactions/" + name + " as parquet", result.Stderr);
        Assert.Empty(PublishedTables(output));
    }

    [Fact]
    public async Task Clean_DamagedDataPageBehindSoundFooter_Exits2NamingTableAndFileAndPublishesNothing()
    {
        string input = RepoPaths.NewTempDir("raw-damaged-page");
        string transactions = Path.Combine(input, "transactions");
        await WriteTransactionsAsync(transactions);
        string part = Directory.GetFiles(transactions, "part-*.parquet").Single();
        await using (FileStream stream = File.OpenWrite(part))
        {
            // The first column chunk's page header starts right after the leading "PAR1"; the footer stays intact.
            stream.Position = 4;
            await stream.WriteAsync(RandomBytes(24));
        }

        string output = RepoPaths.NewTempDir("out-damaged-page");

        ProcessResult result = await RunCleanAsync(input, output);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        // The footer check passes: the error comes from the cleaning stage's own read.
        Assert.Contains("[clean.transactions] started", result.Stderr);
        Assert.Contains("Input table 'transactions': cannot read ", result.Stderr);
        Assert.Contains("transactions/" + Path.GetFileName(part) + " as parquet", result.Stderr);
        Assert.Empty(PublishedTables(output));
    }

    [Fact]
    public async Task Clean_UnreadableFileInLaterTable_Exits2AndPublishesNotEvenTheSoundTables()
    {
        string input = RepoPaths.NewTempDir("raw-unreadable-products");
        await WriteTransactionsAsync(Path.Combine(input, "transactions"));
        string products = Path.Combine(input, "products");
        await _spark.CreateDataFrame([["p1", 2.5]], "product_id STRING, list_price DOUBLE").Coalesce(1).Write().ParquetAsync(products);
        await File.WriteAllBytesAsync(Path.Combine(products, "part-0001.parquet"), RandomBytes(4096));
        string output = RepoPaths.NewTempDir("out-unreadable-products");

        ProcessResult result = await RunCleanAsync(input, output);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("Input table 'products': cannot read ", result.Stderr);
        Assert.Contains("products/part-0001.parquet as parquet", result.Stderr);
        Assert.Empty(PublishedTables(output));
    }

    private async Task WriteTransactionsAsync(string folder)
    {
        object?[][] rows = [.. Enumerable.Range(1, 50).Select(i => new object?[] { $"t{i}", $"c{i % 7}", $"p{i % 5}", (long)i, 1.25 * i, s_time.AddHours(i) })];
        await _spark.CreateDataFrame(rows, TransactionDdl).Coalesce(1).Write().ParquetAsync(folder);
    }

    /// <summary>The table folders of an output root: everything but work folders (<c>_runs</c>, <c>_staging</c>).</summary>
    private static string[] PublishedTables(string output) =>
        [.. Directory.GetDirectories(output).Select(d => Path.GetFileName(d)!).Where(n => !n.StartsWith('_') && !n.StartsWith('.'))];

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(17).NextBytes(bytes);
        return bytes;
    }

    private Task<ProcessResult> RunCleanAsync(string input, string output) =>
        Cxspark.RunAsync("clean", "--input", input, "--output", output, "--run-date", "2011-12-31", "--remote", fixture.Remote);
}
