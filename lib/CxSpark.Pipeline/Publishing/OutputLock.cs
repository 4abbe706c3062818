using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CxSpark.Pipeline.Publishing;

/// <summary>The exclusive lock of one output root (<c>&lt;root&gt;/_lock</c>): one run at a time stages, commits and sweeps there.</summary>
/// <remarks>
/// The lock file is created atomically (create-new) and names its holder. A lock whose process is gone (same host, pid
/// not running) or that is older than the configured age is stale: it is renamed away (only one contender can win that
/// rename) and taken over, with a log line. Released on dispose; a killed run's lock is stale by the first rule.
/// </remarks>
public sealed class OutputLock : IDisposable
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly string _path;
    private readonly string _runId;

    private OutputLock(string path, string runId)
    {
        _path = path;
        _runId = runId;
    }

    /// <summary>Takes the lock of <paramref name="layout"/>'s root for run <paramref name="runId"/>.</summary>
    /// <param name="layout">The output root.</param>
    /// <param name="runId">The run taking the lock.</param>
    /// <param name="staleAfter">A lock older than this is taken over whoever holds it.</param>
    /// <param name="logger">Where a take-over is logged.</param>
    /// <exception cref="OutputLockedException">Another live run holds the lock.</exception>
    public static OutputLock Acquire(OutputLayout layout, string runId, TimeSpan staleAfter, ILogger logger)
    {
        Directory.CreateDirectory(layout.Root);
        string path = layout.Lock;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var holder = new LockHolder(runId, Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                JsonSerializer.Serialize(stream, holder, s_json);
                stream.Flush(flushToDisk: true);
                return new OutputLock(path, runId);
            }
            catch (IOException) when (File.Exists(path))
            {
                LockHolder? current = ReadHolder(path);
                string? stale = current is null ? "unreadable" : StaleReason(current, staleAfter);
                if (stale is null)
                {
                    throw new OutputLockedException(layout.Root, current!);
                }

                string moved = path + ".stale-" + Guid.NewGuid().ToString("N")[..8];
                try
                {
                    File.Move(path, moved);
                }
                catch (FileNotFoundException)
                {
                    continue;
                }

                LockHolder? taken = ReadHolder(moved);
                if (current is not null && taken != current)
                {
                    // Another contender took the stale lock over between our read and our rename: give its lock back.
                    File.Move(moved, path);
                    throw new OutputLockedException(layout.Root, taken ?? current);
                }

                File.Delete(moved);
                logger.LogWarning("[lock] took over the lock of {Root} from run {RunId} (pid {Pid} on {Host}, since {Since:O}): {Reason}",
                    layout.Root, current?.RunId ?? "?", current?.Pid ?? 0, current?.Host ?? "?", current?.StartedAt ?? DateTimeOffset.MinValue, stale);
            }
        }

        throw new OutputLockedException(layout.Root, ReadHolder(path) ?? new LockHolder("?", "?", 0, DateTimeOffset.MinValue));
    }

    /// <summary>Releases the lock if this run still holds it.</summary>
    public void Dispose()
    {
        if (ReadHolder(_path)?.RunId == _runId)
        {
            File.Delete(_path);
        }
    }

    private static string? StaleReason(LockHolder holder, TimeSpan staleAfter)
    {
        if (holder.Host == Environment.MachineName && !IsRunning(holder.Pid))
        {
            return $"its process {holder.Pid} is not running";
        }

        TimeSpan age = DateTimeOffset.UtcNow - holder.StartedAt;
        return age > staleAfter ? $"it is {age.TotalHours:F1} h old (stale after {staleAfter.TotalHours:F1} h)" : null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static LockHolder? ReadHolder(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path), s_json);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>Who holds an output's lock.</summary>
/// <param name="RunId">The holding run.</param>
/// <param name="Host">Its host name.</param>
/// <param name="Pid">Its process id on that host.</param>
/// <param name="StartedAt">When it took the lock (UTC).</param>
public sealed record LockHolder(string RunId, string Host, int Pid, DateTimeOffset StartedAt);

/// <summary>Another run holds the output's lock.</summary>
public sealed class OutputLockedException(string root, LockHolder holder)
    : Exception($"output {root} is locked by run {holder.RunId} (pid {holder.Pid} on {holder.Host}, since {holder.StartedAt:O}); " +
        "wait for it to finish, or remove the _lock file if that run is known to be dead")
{
    /// <summary>The holder.</summary>
    public LockHolder Holder { get; } = holder;
}
