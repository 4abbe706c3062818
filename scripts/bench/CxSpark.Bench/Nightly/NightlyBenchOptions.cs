using System.Globalization;

namespace CxSpark.Bench.Nightly;

/// <summary>One size of the scale series: a label such as <c>2.5M</c> and the transaction lines it stands for.</summary>
internal sealed record BenchSize(string Label, long Lines)
{
    /// <summary>Parses <c>600000</c>, <c>40k</c>, <c>0.6M</c>.</summary>
    public static BenchSize Parse(string text)
    {
        string trimmed = text.Trim();
        (string number, double unit) = char.ToUpperInvariant(trimmed[^1]) switch
        {
            'K' => (trimmed[..^1], 1e3),
            'M' => (trimmed[..^1], 1e6),
            _ => (trimmed, 1.0),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value * unit >= 1000
            ? new BenchSize(trimmed, (long)Math.Round(value * unit))
            : throw new ArgumentException($"size '{text}' is not a line count of at least 1000 such as 40k or 2.5M");
    }
}

/// <summary>Everything <c>nightly</c> needs; scripts/bench.sh sets every value.</summary>
internal sealed record NightlyBenchOptions
{
    public required IReadOnlyList<BenchSize> Sizes { get; init; }

    public required string Remote { get; init; }

    /// <summary>The Spark UI of the server behind <see cref="Remote"/>, e.g. <c>http://127.0.0.1:4412</c>.</summary>
    public required string UiUrl { get; init; }

    /// <summary>The <c>cxspark</c> executable.</summary>
    public required string Cxspark { get; init; }

    /// <summary>Generated raw zones, one folder per size and seed, reused across runs.</summary>
    public required string Cache { get; init; }

    /// <summary>Job outputs and logs of this run (replaced per size).</summary>
    public required string Work { get; init; }

    /// <summary>Result JSON files: <c>&lt;timestamp&gt;.json</c> and <c>latest.json</c>.</summary>
    public required string Out { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>A small size run first on both sides, unreported, so that no measured size pays for JIT warm-up; null for none.</summary>
    public BenchSize? WarmUp { get; init; }

    /// <summary>The generated period ends on this (exclusive) date; the nightly runs for the day before.</summary>
    public DateOnly EndDate { get; init; } = new(2025, 1, 1);

    /// <summary>The reference jar; null skips the reference.</summary>
    public string? ReferenceJar { get; init; }

    public string? SparkHome { get; init; }

    public string DriverMemory { get; init; } = "8g";

    public int ShufflePartitions { get; init; } = 8;

    /// <summary>Extra <c>spark-submit --conf</c> settings of the reference (local and checkpoint dirs, as the server's).</summary>
    public IReadOnlyList<string> ReferenceConf { get; init; } = [];

    /// <summary>
    /// False (<c>--no-evaluate</c>): the nightly at scale, with <c>Recommend:Evaluate=false</c> and one pinned decay
    /// (one ALS fit instead of five), and the reference doing the same.
    /// </summary>
    public bool Evaluate { get; init; } = true;

    /// <summary>Slower by more than this fraction than the previous run prints a regression line.</summary>
    public double RegressionThreshold { get; init; } = 0.25;

    public static NightlyBenchOptions From(BenchArgs args) => new()
    {
        Sizes = [.. args.Require("--sizes").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(BenchSize.Parse)],
        Remote = args.Require("--remote"),
        UiUrl = args.Require("--ui").TrimEnd('/'),
        Cxspark = args.Require("--cxspark"),
        Cache = args.Require("--cache"),
        Work = args.Require("--work"),
        Out = args.Require("--out"),
        Seed = int.Parse(args.Get("--seed") ?? "42", CultureInfo.InvariantCulture),
        WarmUp = args.Get("--warmup") is { } warmUp ? BenchSize.Parse(warmUp) : null,
        ReferenceJar = args.Get("--reference-jar"),
        SparkHome = args.Get("--spark-home"),
        DriverMemory = args.Get("--driver-memory") ?? "8g",
        ShufflePartitions = int.Parse(args.Get("--shuffle-partitions") ?? "8", CultureInfo.InvariantCulture),
        ReferenceConf = (args.Get("--reference-conf") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Evaluate = !args.Has("--no-evaluate"),
    };
}
