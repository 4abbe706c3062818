using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Bench;

/// <summary>
/// Measures one way of consuming a wide query result, in its own process so that its peak memory is its own:
/// <c>CxSpark.Bench collect --mode noop|arrow|rows [--rows N] [--remote sc://…]</c>. Prints one line of key=value pairs:
/// mode, rows, seconds, rows_per_s, peak_mb.
/// </summary>
internal static class CollectBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        string mode = args.Get("--mode") ?? "arrow";
        long rows = long.Parse(args.Get("--rows") ?? "5000000", CultureInfo.InvariantCulture);
        await using SparkSession spark = await SparkSession.Builder().Remote(args.Get("--remote") ?? Environment.GetEnvironmentVariable("SPARK_REMOTE") ?? "sc://localhost:15002")
            .GetOrCreateAsync();
        DataFrame wide = spark.Range(0, rows, 1, 4).Select(
            Col("id"),
            (Col("id") * 2).Alias("twice"),
            (Col("id") % 1000).Cast("int").Alias("bucket"),
            (Col("id") * 0.5).Alias("half"),
            Concat(Lit("customer-"), (Col("id") % 100_000).Cast("string")).Alias("customer"),
            DateAdd(Lit(new DateOnly(2020, 1, 1)), (Col("id") % 1000).Cast("int")).Alias("day"),
            (Col("id") % 2 == 0).Alias("even"),
            (Col("id") % 97).Cast("double").Alias("score"),
            (Col("id") % 7).Cast("smallint").Alias("weekday"),
            Col("id").Cast("string").Alias("label"));

        var watch = Stopwatch.StartNew();
        long seen = 0;
        switch (mode)
        {
            case "noop":
                await wide.Write().Format("noop").Mode(SaveMode.Overwrite).SaveAsync();
                seen = rows;
                break;
            case "arrow":
                await foreach (RecordBatch batch in wide.ToArrowAsync())
                {
                    seen += batch.Length;
                    batch.Dispose();
                }

                break;
            case "rows":
                IReadOnlyList<Row> collected = await wide.CollectAsync();
                seen = collected.Count;
                if (collected[^1].GetLong("id") != rows - 1)
                {
                    throw new InvalidOperationException("The last collected row is not the last id.");
                }

                break;
            default:
                Console.Error.WriteLine($"unknown mode {mode}");
                return 2;
        }

        double seconds = watch.Elapsed.TotalSeconds;
        long peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode={mode} rows={seen} seconds={seconds:F2} rows_per_s={seen / seconds:F0} peak_mb={peakMb}"));
        return seen == rows ? 0 : 1;
    }
}
