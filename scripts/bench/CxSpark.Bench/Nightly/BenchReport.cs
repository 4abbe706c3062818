using System.Globalization;
using System.Text.Json;

namespace CxSpark.Bench.Nightly;

/// <summary>Prints the bench tables and compares a run with the previous one.</summary>
internal static class BenchReport
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void PrintSize(SizeResult size)
    {
        CxsparkResult cx = size.Cxspark;
        Console.WriteLine();
        Console.WriteLine(F($"== {size.Size}: {size.Zone.GetValueOrDefault("transactions"):N0} transaction lines, {size.Zone.GetValueOrDefault("customers"):N0} customers, ") +
            F($"{size.Zone.GetValueOrDefault("products"):N0} products, {size.Zone.GetValueOrDefault("events"):N0} events"));
        Console.WriteLine(F($"   cxspark {cx.Status} (exit {cx.ExitCode}), process wall {cx.WallSeconds:F1} s, max RSS {Mb(cx.MaxRssMb)}; ") +
            (size.Reference is null ? "reference skipped" : F($"reference exit {size.Reference.ExitCode}, process wall {size.Reference.WallSeconds:F1} s")));
        Console.WriteLine(F($"   {"stage",-20} {"wall s",8} {"jobs s",8} {"spark s",8} {"server s",8} {"client",7} {"no spark",8} {"rows in",12} {"rows out",12} {"peak MB",8} {"ref s",8} {"cx/ref",7}"));
        foreach (StageResult stage in cx.Stages)
        {
            ReferenceStage? reference = size.Reference?.Stages.FirstOrDefault(r => r.Stage == stage.Stage);
            if (stage.Status != "succeeded")
            {
                Console.WriteLine(F($"   {stage.Stage,-20} {stage.Status.Replace("not_available", "n/a", StringComparison.Ordinal),8} {"",8} {"",8} {"",8} {"",7} {"",8} {"",12} {"",12} {"",8} {Num(reference?.Seconds),8}"));
                continue;
            }

            Console.WriteLine(F($"   {stage.Stage,-20} {stage.Seconds,8:F1} {Num(stage.JobSeconds),8} {Num(stage.SparkSeconds),8} {Num(stage.ServerSeconds),8} {Pct(stage.ClientOverhead),7} {Pct(stage.OutsideSpark),8} {Count(stage.RowsIn),12} {Count(stage.RowsOut),12} ") +
                F($"{Mb(stage.PeakWorkingSetMb),8} {Num(reference?.Seconds),8} {Ratio(stage, reference),7}"));
        }

        foreach (ReferenceStage extra in size.Reference?.Stages.Where(r => cx.Stages.All(s => s.Stage != r.Stage)) ?? [])
        {
            Console.WriteLine(F($"   {extra.Stage,-20} {"-",8} {"",8} {"",8} {"",8} {"",7} {"",8} {Count(extra.RowsIn),12} {Count(extra.RowsOut),12} {"",8} {extra.Seconds,8:F1} {"",7}"));
        }

        (double cxTotal, double? sparkTotal, double? serverTotal, double? refTotal) = Totals(size);
        Console.WriteLine(F($"   {"total",-20} {cxTotal,8:F1} {"",8} {Num(sparkTotal),8} {Num(serverTotal),8} {Pct(StageResult.Share(cxTotal, serverTotal)),7} {Pct(StageResult.Share(cxTotal, sparkTotal)),8} {"",12} {"",12} {"",8} {Num(refTotal),8} {Num(refTotal is > 0 ? cxTotal / refTotal : null, "F2"),7}"));
        Console.WriteLine("   (total: stages that succeeded in CxSpark and exist in the reference; jobs = time a Spark job ran; spark = a job or SQL execution ran;");
        Console.WriteLine("    server = a call to the server was in flight (CxSpark's client); client = (wall - server) / wall: CxSpark's own time;");
        Console.WriteLine("    no spark = (wall - spark) / wall: CxSpark's time plus the server's outside jobs and SQL executions: analysis, planning, MLlib driver work)");
    }

    public static void PrintScaling(BenchRun run)
    {
        if (run.Sizes.Count < 2)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("== scaling: time(larger) / time(smaller) between consecutive sizes");
        var steps = run.Sizes.Zip(run.Sizes.Skip(1)).ToList();
        Console.WriteLine(F($"   {"stage",-20}") + string.Concat(steps.Select(s => F($" {s.First.Size + "->" + s.Second.Size,14}"))));
        Console.WriteLine(F($"   {"lines",-20}") + string.Concat(steps.Select(s => F($" {Num(Div(s.Second.Zone.GetValueOrDefault("transactions"), s.First.Zone.GetValueOrDefault("transactions")), "F2"),14}"))));
        IEnumerable<string> names = run.Sizes.SelectMany(s => s.Cxspark.Stages.Where(t => t.Status == "succeeded").Select(t => t.Stage)).Distinct();
        foreach (string name in names)
        {
            Console.WriteLine(F($"   {name,-20}") + string.Concat(steps.Select(s => F($" {Num(Div(Seconds(s.Second, name), Seconds(s.First, name)), "F2"),14}"))));
        }

        Console.WriteLine(F($"   {"total",-20}") + string.Concat(steps.Select(s => F($" {Num(Div(Totals(s.Second).Cx, Totals(s.First).Cx), "F2"),14}"))));
        Console.WriteLine(F($"   {"reference total",-20}") + string.Concat(steps.Select(s => F($" {Num(Div(Totals(s.Second).Reference, Totals(s.First).Reference), "F2"),14}"))));
    }

    public static void PrintSummary(BenchRun run)
    {
        Console.WriteLine();
        Console.WriteLine("== summary (targets of issue #7: cx/ref <= 1.05 at 10M, 4x scaling <= 4.2, client <= 3 %, peak .NET <= 300 MB)");
        Console.WriteLine(F($"   {"size",-8} {"cxspark s",10} {"ref s",10} {"cx/ref",7} {"client",7} {"no spark",8} {"max RSS",9}"));
        foreach (SizeResult size in run.Sizes)
        {
            (double cx, double? spark, double? server, double? reference) = Totals(size);
            Console.WriteLine(F($"   {size.Size,-8} {cx,10:F1} {Num(reference),10} {Num(reference is > 0 ? cx / reference : null, "F2"),7} {Pct(StageResult.Share(cx, server)),7} {Pct(StageResult.Share(cx, spark)),8} {Mb(size.Cxspark.MaxRssMb),9}"));
        }
    }

    /// <summary>The newest earlier result file in <paramref name="folder"/> that shares a size and the recommend mode with <paramref name="run"/>.</summary>
    public static string? FindPrevious(string folder, BenchRun run)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        HashSet<string> sizes = [.. run.Sizes.Select(s => s.Size)];
        foreach (string file in Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) != "latest.json").OrderDescending(StringComparer.Ordinal))
        {
            BenchRun? earlier = Load(file);
            if (earlier is not null && earlier.StartedAt < run.StartedAt && earlier.Evaluate == run.Evaluate && earlier.Sizes.Any(s => sizes.Contains(s.Size)))
            {
                return file;
            }
        }

        return null;
    }

    public static void PrintRegressions(string? previousFile, BenchRun run, double threshold)
    {
        Console.WriteLine();
        BenchRun? previous = previousFile is null ? null : Load(previousFile);
        if (previous is null)
        {
            Console.WriteLine("== regressions: no previous run with these sizes to compare with");
            return;
        }

        var slower = new List<string>();
        foreach (SizeResult size in run.Sizes)
        {
            SizeResult? before = previous.Sizes.FirstOrDefault(s => s.Size == size.Size);
            foreach (StageResult stage in before is null ? [] : size.Cxspark.Stages.Where(s => s.Status == "succeeded"))
            {
                StageResult? old = before!.Cxspark.Stages.FirstOrDefault(s => s.Stage == stage.Stage && s.Status == "succeeded");
                if (old is null || old.Seconds <= 0 || stage.Seconds <= old.Seconds * (1 + threshold))
                {
                    continue;
                }

                double? referenceChange = Div(size.Reference?.Stages.FirstOrDefault(r => r.Stage == stage.Stage)?.Seconds,
                    before.Reference?.Stages.FirstOrDefault(r => r.Stage == stage.Stage)?.Seconds);
                string noise = stage.Seconds - old.Seconds < 1.0 ? "; under 1 s, likely noise" : "";
                slower.Add(F($"   SLOWER {size.Size} {stage.Stage}: {old.Seconds:F1} s -> {stage.Seconds:F1} s (+{(stage.Seconds / old.Seconds) - 1:P0}; ") +
                    (referenceChange is null ? "no reference to compare" : F($"reference {referenceChange.Value - 1:+0%;-0%}")) + noise + ")");
            }
        }

        Console.WriteLine(F($"== regressions against {previousFile} ({previous.StartedAt:yyyy-MM-dd HH:mm} UTC): ") +
            (slower.Count == 0 ? F($"no stage more than {threshold:P0} slower") : F($"{slower.Count} stage(s) more than {threshold:P0} slower")));
        slower.ForEach(Console.WriteLine);
    }

    private static BenchRun? Load(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<BenchRun>(File.ReadAllText(file), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Seconds of the stages that succeeded in CxSpark (and their Spark and server time), and the reference's seconds for the same stages.</summary>
    private static (double Cx, double? Spark, double? Server, double? Reference) Totals(SizeResult size)
    {
        List<StageResult> ran = [.. size.Cxspark.Stages.Where(s => s.Status == "succeeded")];
        if (size.Reference is not null)
        {
            ran = [.. ran.Where(s => size.Reference.Stages.Any(r => r.Stage == s.Stage))];
        }

        double? spark = ran.All(s => s.SparkSeconds is not null) ? ran.Sum(s => s.SparkSeconds!.Value) : null;
        double? server = ran.All(s => s.ServerSeconds is not null) ? ran.Sum(s => s.ServerSeconds!.Value) : null;
        double? reference = size.Reference?.Stages.Where(r => ran.Any(s => s.Stage == r.Stage)).Sum(r => r.Seconds);
        return (ran.Sum(s => s.Seconds), spark, server, reference);
    }

    private static double? Seconds(SizeResult size, string stage) =>
        size.Cxspark.Stages.FirstOrDefault(s => s.Stage == stage && s.Status == "succeeded")?.Seconds;

    private static double? Div(double? a, double? b) => a is null || b is null or 0 ? null : a / b;

    private static string Ratio(StageResult stage, ReferenceStage? reference) =>
        stage.Status == "succeeded" && reference is { Seconds: > 0 } ? (stage.Seconds / reference.Seconds).ToString("F2", s_invariant) : "";

    private static string Num(double? value, string format = "F1") => value?.ToString(format, s_invariant) ?? "";

    private static string Pct(double? value) => value is null ? "" : (value.Value * 100).ToString("F1", s_invariant) + "%";

    private static string Count(long? value) => value?.ToString("N0", s_invariant) ?? "";

    private static string Mb(long? value) => value is null ? "" : value.Value.ToString(s_invariant) + " MB";

    private static string F(FormattableString text) => text.ToString(s_invariant);
}
