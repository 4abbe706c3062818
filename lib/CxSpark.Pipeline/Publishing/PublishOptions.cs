namespace CxSpark.Pipeline.Publishing;

/// <summary>Options of publishing (configuration section <c>Publish</c>).</summary>
public sealed record PublishOptions
{
    /// <summary>
    /// How old (hours) another run's lock of the output may be before this run takes it over (key <c>Publish:LockStaleHours</c>,
    /// default 24); a lock whose process is gone on this host is taken over at once.
    /// </summary>
    public double LockStaleHours { get; init; } = 24;
}
