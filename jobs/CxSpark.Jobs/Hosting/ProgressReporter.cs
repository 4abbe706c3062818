using CxSpark.Connect.Sql;

namespace CxSpark.Jobs.Hosting;

/// <summary>In a terminal, a live line on stderr with Spark's own task progress of the running query.</summary>
public sealed class ProgressReporter : IDisposable
{
    private readonly SparkSession _session;
    private readonly bool _enabled = !Console.IsErrorRedirected;

    /// <summary>Subscribes to <paramref name="session"/>'s progress events (only when stderr is a terminal).</summary>
    public ProgressReporter(SparkSession session)
    {
        _session = session;
        if (_enabled)
        {
            _session.ProgressChanged += OnProgress;
        }
    }

    /// <summary>Unsubscribes and ends the line.</summary>
    public void Dispose()
    {
        if (_enabled)
        {
            _session.ProgressChanged -= OnProgress;
            Console.Error.Write("\r\x1b[K");
        }
    }

    private void OnProgress(object? sender, ExecutionProgress progress)
    {
        double megabytes = progress.InputBytesRead / 1048576.0;
        Console.Error.Write($"\r\x1b[K  spark tasks {progress.CompletedTasks}/{progress.TotalTasks} ({progress.InflightTasks} running), read {megabytes:F1} MB");
    }
}
