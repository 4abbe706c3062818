using System.Diagnostics;
using System.Text.Json;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxSpark.Pipeline.Tests.Publishing;

public sealed class OutputLockTests
{
    private static readonly TimeSpan s_day = TimeSpan.FromHours(24);

    [Fact]
    public void Acquire_HeldByALiveRun_ThrowsNamingTheHolderUntilReleased()
    {
        var layout = new OutputLayout(RepoPaths.NewTempDir("lock"));
        OutputLock first = OutputLock.Acquire(layout, "run-1", s_day, NullLogger.Instance);

        OutputLockedException e = Assert.Throws<OutputLockedException>(() => OutputLock.Acquire(layout, "run-2", s_day, NullLogger.Instance));
        first.Dispose();
        using OutputLock second = OutputLock.Acquire(layout, "run-2", s_day, NullLogger.Instance);

        Assert.Equal("run-1", e.Holder.RunId);
        Assert.Equal(Environment.ProcessId, e.Holder.Pid);
        Assert.Contains("locked by run run-1", e.Message, StringComparison.Ordinal);
        Assert.Equal("run-2", JsonDocument.Parse(File.ReadAllText(layout.Lock)).RootElement.GetProperty("run_id").GetString());
    }

    [Fact]
    public void Acquire_LockOfADeadProcessOnThisHost_IsTakenOver()
    {
        var layout = new OutputLayout(RepoPaths.NewTempDir("lock-dead"));
        using var exited = Process.Start(new ProcessStartInfo("true"))!;
        exited.WaitForExit();
        WriteLock(layout, "dead-run", Environment.MachineName, exited.Id, DateTimeOffset.UtcNow);

        using OutputLock taken = OutputLock.Acquire(layout, "run-2", s_day, NullLogger.Instance);

        Assert.Equal("run-2", JsonDocument.Parse(File.ReadAllText(layout.Lock)).RootElement.GetProperty("run_id").GetString());
        Assert.Single(Directory.GetFiles(layout.Root));
    }

    [Fact]
    public void Acquire_LockOfAnotherHost_IsKeptUntilOlderThanTheStaleAge()
    {
        var layout = new OutputLayout(RepoPaths.NewTempDir("lock-old"));
        WriteLock(layout, "remote-run", "another-host", 1, DateTimeOffset.UtcNow.AddHours(-2));

        Assert.Throws<OutputLockedException>(() => OutputLock.Acquire(layout, "run-2", s_day, NullLogger.Instance));
        using OutputLock taken = OutputLock.Acquire(layout, "run-3", TimeSpan.FromHours(1), NullLogger.Instance);

        Assert.Equal("run-3", JsonDocument.Parse(File.ReadAllText(layout.Lock)).RootElement.GetProperty("run_id").GetString());
    }

    private static void WriteLock(OutputLayout layout, string runId, string host, int pid, DateTimeOffset startedAt) =>
        File.WriteAllText(layout.Lock, JsonSerializer.Serialize(new LockHolder(runId, host, pid, startedAt),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
}
