using System.Text.Json;
using CxSpark.Connect.Sql;
using CxSpark.Jobs;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Tests.Infrastructure;
using Xunit.Abstractions;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Jobs;

/// <summary>
/// The publishing protocol under faults, on the real server and real processes: SIGKILL at every step of a commit and at
/// random moments of whole nightlies, two runs on one output, SIGTERM and SIGINT mid-run. After each fault, Spark and
/// DuckDB must read one run's complete set of tables (the previous or the new), and the next run (or <c>cxspark recover</c>)
/// must publish what an undisturbed run publishes.
/// </summary>
[Collection("Spark")]
public sealed class FaultInjectionTests(SparkServerFixture fixture, ITestOutputHelper log)
{
    private const string RunDate = "2011-12-10";
    private const int NightlyTrials = 20;
    private static readonly SemaphoreSlim s_zonesGate = new(1, 1);
    private static readonly Dictionary<(string Zone, string Verb, string RunId), string> s_published = [];
    private static (string Small, string Large)? s_zones;
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task Commit_KilledAtEveryFaultPoint_RecoverPublishesTheNewCompleteSet()
    {
        (string small, string large) = await ZonesAsync();
        string before = await PublishedAsync(small, "clean", "run-a");
        string reference = Copy(before, "fault-reference");
        ProcessResult undisturbed = await Cxspark.RunAsync(Args("clean", large, reference, "run-b"));
        Assert.True(undisturbed.ExitCode == ExitCodes.Ok, undisturbed.ToString());
        Dictionary<string, Published> expected = State(reference);
        Dictionary<string, Published> previous = State(before);
        // B stages transactions' clean, returns and quarantine tables and removes A's products tables.
        int entries = expected.Count + previous.Keys.Except(expected.Keys).Count();
        string[] points = ["commit.journal", .. Enumerable.Range(0, entries).SelectMany(i => new[] { $"commit.aside-{i}", $"commit.moved-{i}" }), "commit.renamed", "commit.cleaned"];

        int survived = 0;
        foreach (string point in points)
        {
            string output = Copy(before, "fault-" + point.Replace('.', '-'));
            ProcessResult killed = await Cxspark.RunAsync(new Dictionary<string, string> { [FaultPoint.Variable] = point }, Args("clean", large, output, "run-b"));
            Assert.True(killed.ExitCode == 137 && killed.Stderr.Contains("fault point " + point, StringComparison.Ordinal), point + ": " + killed);
            AssertBetween(State(output), previous, expected, point);

            ProcessResult recovered = await Cxspark.RunAsync("recover", "--output", output);

            Assert.True(recovered.ExitCode == ExitCodes.Ok, recovered.ToString());
            Assert.Equal(expected, State(output));
            Assert.False(Directory.Exists(Path.Combine(output, OutputTables.Staging)), point);
            Assert.False(File.Exists(Path.Combine(output, "_lock")), point);
            survived++;
        }

        // The next run, not only 'recover', finishes a killed commit first; then it publishes what an undisturbed run does.
        string rerun = Copy(before, "fault-rerun");
        await Cxspark.RunAsync(new Dictionary<string, string> { [FaultPoint.Variable] = "commit.aside-1" }, Args("clean", large, rerun, "run-b"));
        ProcessResult next = await Cxspark.RunAsync(Args("clean", large, rerun, "run-c"));
        Assert.True(next.ExitCode == ExitCodes.Ok, next.ToString());
        Assert.Contains("rolling it forward", next.Stderr, StringComparison.Ordinal);
        foreach (string table in expected.Keys)
        {
            await TableAssert.SameRowsAsync(_spark, Partition(reference, table), Partition(rerun, table), table);
        }

        log.WriteLine($"commit fault points: {survived} of {points.Length} faults survived");
        Assert.Equal(points.Length, survived);
    }

    [Fact]
    public async Task Nightly_KilledAtRandomMoments_EveryKillLeavesOneCompleteSetAndTheLastRunEqualsAnUndisturbedOne()
    {
        (string small, string large) = await ZonesAsync();
        string before = await PublishedAsync(small, "nightly", "run-a");
        string reference = Copy(before, "nightly-reference");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ProcessResult undisturbed = await Cxspark.RunAsync(Args("nightly", large, reference, "run-b"));
        double seconds = watch.Elapsed.TotalSeconds;
        Assert.True(undisturbed.ExitCode == ExitCodes.Ok, undisturbed.ToString());
        Dictionary<string, Published> previous = State(before);
        Dictionary<string, Published> expected = State(reference);

        string output = Copy(before, "nightly-killed");
        var random = new Random(20261206);
        int survived = 0;
        for (int trial = 0; trial < NightlyTrials; trial++)
        {
            TimeSpan after = TimeSpan.FromSeconds(0.5 + (random.NextDouble() * seconds));
            watch.Restart();
            (ProcessResult killed, double sinceKill) = await Cxspark.RunAndSignalWhenAsync("KILL", () => watch.Elapsed >= after, mayExitFirst: true, Args("nightly", large, output, $"trial-{trial}"));
            // A run faster than the undisturbed one may finish before its moment: then it must have succeeded.
            Assert.True(killed.ExitCode == (sinceKill < 0 ? ExitCodes.Ok : 137), killed.ToString());
            ProcessResult recovered = await Cxspark.RunAsync("recover", "--output", output);
            Assert.True(recovered.ExitCode == ExitCodes.Ok, recovered.ToString());

            Dictionary<string, Published> state = State(output);
            string[] runs = state.Values.Select(p => p.RunId).Distinct().ToArray();
            string run = Assert.Single(runs);
            Dictionary<string, Published> whole = run == "run-a" ? previous : expected.ToDictionary(e => e.Key, e => e.Value with { RunId = run });
            Assert.True(whole.SequenceEqual(state.OrderBy(s => s.Key, StringComparer.Ordinal)) || Same(whole, state),
                $"trial {trial} killed after {after.TotalSeconds:F1} s: tables of run {run} differ from that run's complete set");
            log.WriteLine($"trial {trial}: {(sinceKill < 0 ? "finished before" : "killed at")} {after.TotalSeconds:F1} s of ~{seconds:F0} s; the published set is run {run}'s");
            survived++;
        }

        ProcessResult last = await Cxspark.RunAsync(Args("nightly", large, output, "run-last"));
        Assert.True(last.ExitCode == ExitCodes.Ok, last.ToString());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), State(output).Keys.Order(StringComparer.Ordinal));
        foreach (string table in expected.Keys)
        {
            await TableAssert.SameRowsAsync(_spark, Partition(reference, table), Partition(output, table), table);
        }

        log.WriteLine($"nightly SIGKILL trials: {survived} of {NightlyTrials} faults survived");
        Assert.Equal(NightlyTrials, survived);
    }

    [Fact]
    public async Task TwoRunsOnOneOutput_TheSecondExits5NamingTheHolderAndTheFirstPublishes()
    {
        (string small, _) = await ZonesAsync();
        string output = RepoPaths.NewTempDir("fault-concurrent");

        ProcessResult[] results = await Task.WhenAll(
            Cxspark.RunAsync(Args("clean", small, output, "run-one")),
            Task.Delay(300).ContinueWith(_ => Cxspark.RunAsync(Args("clean", small, output, "run-two"))).Unwrap());

        Assert.True(results[0].ExitCode == ExitCodes.Ok, results[0].ToString());
        Assert.True(results[1].ExitCode == ExitCodes.OutputLocked, results[1].ToString());
        Assert.Contains("locked by run run-one", results[1].Stderr, StringComparison.Ordinal);
        Assert.All(State(output).Values, p => Assert.Equal("run-one", p.RunId));
        Assert.False(File.Exists(Path.Combine(output, "_lock")));
    }

    [Theory]
    [InlineData("TERM", ExitCodes.Terminated)]
    [InlineData("INT", ExitCodes.Interrupted)]
    public async Task Signal_MidRun_InterruptsSparkMarksTheManifestCancelledReleasesTheLockAndPublishesNothing(string signal, int exitCode)
    {
        (string small, string large) = await ZonesAsync();
        string output = Copy(await PublishedAsync(small, "nightly", "run-a"), "fault-signal-" + signal);
        Dictionary<string, Published> previous = State(output);
        string profiles = Path.Combine(output, OutputTables.Staging, "run-stop", "new", OutputTables.CustomerProfiles);

        (ProcessResult stopped, double seconds) = await Cxspark.RunAndSignalWhenAsync(signal, () => Directory.Exists(profiles), Args("nightly", large, output, "run-stop"));

        Assert.True(stopped.ExitCode == exitCode, stopped.ToString());
        Assert.True(seconds < 30, $"exited {seconds:F1} s after SIG{signal}");
        Assert.Contains($"SIG{signal} received", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("[stop] run cancelled; interrupted", stopped.Stderr, StringComparison.Ordinal);
        JsonElement manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputTables.Runs, "run-stop.json"))).RootElement;
        Assert.Equal("cancelled", manifest.GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(output, "_lock")));
        Assert.False(Directory.Exists(Path.Combine(output, OutputTables.Staging, "run-stop")));
        Assert.Equal(previous, State(output));
        log.WriteLine($"SIG{signal}: exit {stopped.ExitCode} {seconds:F1} s after the signal");
    }

    /// <summary>What one table's partition of the run date holds: the run that wrote it and its row count read by DuckDB.</summary>
    private sealed record Published(string RunId, long Rows);

    private static bool Same(Dictionary<string, Published> expected, Dictionary<string, Published> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out Published? a) && a == e.Value);

    /// <summary>Every table's partition of the run date (outside '_' folders), by the run marker and DuckDB's row count.</summary>
    private static Dictionary<string, Published> State(string output) => Directory
        .EnumerateDirectories(output, "run_date=" + RunDate, SearchOption.AllDirectories)
        .Where(d => !Path.GetRelativePath(output, d).Split('/').Any(s => s.StartsWith('_') || s.StartsWith('.')))
        .ToDictionary(
            d => Path.GetRelativePath(output, Path.GetDirectoryName(d)!),
            d => new Published(RunMarker.RunIdOf(d) ?? "(no marker)", DuckDb.Count(output, Path.GetRelativePath(output, Path.GetDirectoryName(d)!))));

    /// <summary>Right after a kill mid-commit, before recovery: every table is the previous or the new run's, and at most the one
    /// table being renamed is absent.</summary>
    private static void AssertBetween(Dictionary<string, Published> state, Dictionary<string, Published> previous, Dictionary<string, Published> next, string point)
    {
        foreach ((string table, Published published) in state)
        {
            Assert.True(previous.GetValueOrDefault(table) == published || next.GetValueOrDefault(table) == published,
                $"{point}: {table} holds {published}, neither the previous run's nor the new run's partition");
        }

        string[] missing = next.Keys.Where(t => !state.ContainsKey(t)).ToArray();
        Assert.True(missing.Length <= 1, $"{point}: {string.Join(", ", missing)} missing");
    }

    private static string Partition(string output, string table) => Path.Combine(output, table, "run_date=" + RunDate);

    /// <summary>An output holding one undisturbed run's tables, made once per test run and copied by each test that changes it.</summary>
    private async Task<string> PublishedAsync(string zone, string verb, string runId)
    {
        await s_zonesGate.WaitAsync();
        try
        {
            if (!s_published.TryGetValue((zone, verb, runId), out string? output))
            {
                output = RepoPaths.NewTempDir("fault-before");
                ProcessResult result = await Cxspark.RunAsync(Args(verb, zone, output, runId));
                Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
                s_published[(zone, verb, runId)] = output;
            }

            return output;
        }
        finally
        {
            s_zonesGate.Release();
        }
    }

    private string[] Args(string verb, string input, string output, string runId) =>
    [
        verb, "--input", input, "--output", output, "--run-date", RunDate, "--remote", fixture.Remote,
        "--set", "RunId=" + runId, "--set", "Cleaning:CancellationPrefix=C", "--set", "Recommend:Evaluate=false",
        "--set", "Recommend:DecayDays=30", "--set", "Recommend:Ranks=4", "--set", "Recommend:MaxIter=2", "--set", "Segments:MaxK=3",
    ];

    /// <summary>Two raw zones cut from the bundled sample by whole invoices: a small one with products (the previous run's input)
    /// and a larger one without (the new run's), so the new run replaces every table and removes the products tables.</summary>
    private async Task<(string Small, string Large)> ZonesAsync()
    {
        await s_zonesGate.WaitAsync();
        try
        {
            if (s_zones is null)
            {
                string sample = Path.Combine(RepoPaths.Root, "data-samples", "online-retail");
                DataFrame transactions = _spark.Read().Parquet(Path.Combine(sample, "transactions"));
                string small = RepoPaths.NewTempDir("zone-small");
                string large = RepoPaths.NewTempDir("zone-large");
                await transactions.Filter(Pmod(Hash(Col("transaction_id")), 20) == 0).Coalesce(1).Write().ParquetAsync(Path.Combine(small, "transactions"));
                await transactions.Filter(Pmod(Hash(Col("transaction_id")), 10) == 0).Coalesce(1).Write().ParquetAsync(Path.Combine(large, "transactions"));
                await _spark.Read().Parquet(Path.Combine(sample, "products")).Write().ParquetAsync(Path.Combine(small, "products"));
                s_zones = (small, large);
            }

            return s_zones.Value;
        }
        finally
        {
            s_zonesGate.Release();
        }
    }

    private static string Copy(string from, string name)
    {
        string to = RepoPaths.NewTempDir(name);
        TestFolders.Copy(from, to);
        return to;
    }
}
