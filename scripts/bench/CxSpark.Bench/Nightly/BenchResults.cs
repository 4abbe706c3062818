namespace CxSpark.Bench.Nightly;

/// <summary>One bench run: settings and every size's results; serialised to <c>&lt;out&gt;/&lt;timestamp&gt;.json</c>.</summary>
internal sealed record BenchRun(
    DateTimeOffset StartedAt,
    int ProcessorCount,
    string DriverMemory,
    int ShufflePartitions,
    int Seed,
    List<SizeResult> Sizes,
    bool Evaluate = true);

/// <summary>One size: the generated zone's row counts, the CxSpark run and the reference run.</summary>
internal sealed record SizeResult(string Size, long TargetLines, SortedDictionary<string, long> Zone, CxsparkResult Cxspark, ReferenceResult? Reference);

/// <summary>
/// <c>cxspark nightly</c> on one size. <see cref="MaxRssMb"/> is the process's maximum resident set (/usr/bin/time);
/// <see cref="StageResult.PeakWorkingSetMb"/> the job's own high-water mark at the end of each stage.
/// </summary>
internal sealed record CxsparkResult(int ExitCode, string Status, double WallSeconds, long? MaxRssMb, List<StageResult> Stages, string Manifest, string Log);

/// <summary>
/// One stage of the CxSpark run. <see cref="JobSeconds"/> is the time within the stage during which the server ran at
/// least one Spark job; <see cref="SparkSeconds"/> the time during which it ran a job or a SQL execution (planning and
/// write commits included), both merged over overlaps from the Spark UI REST API. <see cref="ServerSeconds"/> is the time
/// during which CxSpark had a call to the server in flight (measured by its client, the manifest's <c>server_seconds</c>).
/// <see cref="ClientOverhead"/> is (wall − server) / wall: CxSpark's own work between calls. <see cref="OutsideSpark"/> is
/// (wall − Spark) / wall: that plus the server's work outside jobs and SQL executions (analysis requests, the planning of
/// commands, MLlib's driver-side work between its jobs).
/// </summary>
internal sealed record StageResult(
    string Stage,
    string Status,
    double Seconds,
    double? JobSeconds,
    double? SparkSeconds,
    double? ClientOverhead,
    long? RowsIn,
    long? RowsOut,
    long? PeakWorkingSetMb,
    double? ServerSeconds = null,
    double? OutsideSpark = null)
{
    /// <summary>The share of <paramref name="wall"/> seconds outside <paramref name="busy"/> seconds (null when either is unknown).</summary>
    public static double? Share(double wall, double? busy) => busy is null || wall <= 0 ? null : (wall - busy.Value) / wall;
}

/// <summary>The JVM reference on one size.</summary>
internal sealed record ReferenceResult(int ExitCode, double WallSeconds, List<ReferenceStage> Stages, string Log);

/// <summary>One stage of the reference, as it printed it.</summary>
internal sealed record ReferenceStage(string Stage, double Seconds, long RowsIn, long RowsOut);
