using System.Diagnostics;
using System.Text.RegularExpressions;
using CxSpark.Deploy.Tests.Infrastructure;

namespace CxSpark.Deploy.Tests;

/// <summary>nightly on the bundled sample through scripts/submit.sh (launcher jar, self-contained publish), in client mode
/// on local[2] and in cluster deploy mode on a real standalone cluster, each with a fault injected mid-run.</summary>
[Collection("Deploy")]
public sealed class SubmitTests(DeployFixture fixture)
{
    private static readonly TimeSpan s_waitTimeout = TimeSpan.FromMinutes(6);

    // The driver shutdown (SIGTERM, as YARN, Kubernetes or an operator stop a driver) comes once the first table is
    // staged; the launcher forwards it to the job, which publishes nothing and records the run as cancelled. The rerun
    // into the same folder is the client-mode run whose outputs must equal the direct run's.
    [Fact]
    public async Task Submit_ClientModeDriverStoppedMidRun_FailsWithoutPartialTablesAndRerunMatchesDirectRun()
    {
        string output = RepoPaths.NewTempDir("deploy-client");
        try
        {
            ProcessResult killed;
            await using (ChildProcess driver = DeployFixture.StartSubmit(["--master", "local[2]", .. NightlyExpectation.Arguments(output)]))
            {
                await WaitUntilAsync(() => Staged(output, "clean/transactions"), driver, "the first staged table");
                Assert.Contains("org.apache.spark.deploy.SparkSubmit", File.ReadAllText($"/proc/{driver.Id}/cmdline"), StringComparison.Ordinal);
                Assert.True(driver.Signal("TERM"), $"kill -TERM {driver.Id} failed");
                killed = await driver.WaitAsync(TimeSpan.FromMinutes(1));
            }

            Assert.True(killed.ExitCode != 0, "the stopped driver exited 0: " + killed);
            Assert.Contains("cxspark-launcher: driver is shutting down: sending SIGTERM to the job process", killed.Output, StringComparison.Ordinal);
            Assert.Empty(await ProcessTable.WaitUntilGoneAsync(output, TimeSpan.FromSeconds(30)));
            Assert.Empty(Outputs.Tables(output));
            Assert.Equal("cancelled", Outputs.OnlyManifest(output).GetProperty("status").GetString());

            ProcessResult rerun;
            await using (ChildProcess driver = DeployFixture.StartSubmit(["--master", "local[2]", .. NightlyExpectation.Arguments(output)]))
            {
                rerun = await driver.WaitAsync(DeployFixture.JobTimeout);
            }

            Assert.True(rerun.ExitCode == NightlyExpectation.ExitCode, "rerun: " + rerun);
            Outputs.AssertSameTables(fixture.ReferenceOutput, output);
            Outputs.AssertSameCounts(fixture.ReferenceManifest, Outputs.Manifest(output, fixture.ReferenceManifest.GetProperty("status").GetString()!));
        }
        finally
        {
            ProcessTable.KillAll(output);
        }
    }

    // Three 1-core workers: the driver takes one, an executor runs on each of the others. The worker of one executor is
    // killed once the first table is staged, so every later stage runs on what is left.
    [Fact]
    public async Task Submit_StandaloneClusterModeWorkerKilledMidRun_CompletesWithDirectRunOutputs()
    {
        string output = RepoPaths.NewTempDir("deploy-cluster");
        await using StandaloneCluster cluster = await StandaloneCluster.StartAsync(workers: 3);
        try
        {
            IReadOnlySet<string>[] before = Enumerable.Range(1, cluster.Workers).Select(cluster.WorkDirEntries).ToArray();
            ProcessResult outcome;
            string driverLog = string.Empty;
            await using (ChildProcess submit = DeployFixture.StartSubmit(["--master", cluster.Url, "--deploy-mode", "cluster", .. NightlyExpectation.Arguments(output)]))
            {
                IEnumerable<(int Worker, string Entry)> NewEntries() => Enumerable.Range(1, cluster.Workers)
                    .SelectMany(w => cluster.WorkDirEntries(w).Except(before[w - 1]).Select(entry => (w, entry)));
                await WaitUntilAsync(() => Staged(output, "clean/transactions"), submit, "the first staged table");
                (int driverWorker, string driverId) = NewEntries().Single(e => e.Entry.StartsWith("driver-", StringComparison.Ordinal));
                driverLog = Path.Combine(cluster.StateDir, $"worker-{driverWorker}", driverId, "stderr");
                int[] executorWorkers = NewEntries().Where(e => e.Entry.StartsWith("app-", StringComparison.Ordinal)).Select(e => e.Worker).ToArray();
                Assert.Equal(2, executorWorkers.Length);
                Assert.DoesNotContain(driverWorker, executorWorkers);
                Assert.Empty(Outputs.Tables(output));
                await cluster.KillWorkerAsync(executorWorkers[0]);
                Assert.False(submit.HasExited, "the job ended before the worker was killed: " + submit.Output);
                outcome = await submit.WaitAsync(DeployFixture.JobTimeout);
            }

            Assert.True(outcome.ExitCode == NightlyExpectation.ExitCode, "cluster mode: " + outcome);
            Assert.Single(Regex.Matches(cluster.MasterLog, @"Removing worker worker-\S+ on 127\.0\.0\.1"));
            Assert.Matches(@"Lost executor \d+ on 127\.0\.0\.1: worker lost", File.ReadAllText(driverLog));
            Outputs.AssertSameTables(fixture.ReferenceOutput, output);
            Outputs.AssertSameCounts(fixture.ReferenceManifest, Outputs.OnlyManifest(output));
        }
        finally
        {
            ProcessTable.KillAll(output);
        }
    }

    /// <summary>The run has staged <paramref name="table"/> (tables are published together at the end of the run).</summary>
    private static bool Staged(string output, string table)
    {
        string staging = Path.Combine(output, "_staging");
        return Directory.Exists(staging) && Directory.GetDirectories(staging)
            .Any(run => Directory.Exists(Path.Combine(run, "new", table)) && Directory.EnumerateFiles(Path.Combine(run, "new", table), "*.parquet").Any());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, ChildProcess job, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(job.HasExited, $"the job exited before {what}: {job.Output}");
            Assert.True(watch.Elapsed < s_waitTimeout, $"no {what} after {s_waitTimeout}: {job.Output}");
            await Task.Delay(200);
        }
    }
}
