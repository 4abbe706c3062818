using Grpc.Core;

namespace CxSpark.Connect.Client;

/// <summary>When and how long to wait before retrying a call that failed for a transient reason.</summary>
/// <remarks>
/// The defaults are Spark's own (PySpark and the JVM client): 15 retries, a first wait of 50 ms growing fourfold
/// up to 60 s, and up to 500 ms of random jitter once the wait exceeds 2 s. Transient means the server could not
/// be reached (<see cref="StatusCode.Unavailable"/>), a reattachable stream lost its cursor
/// (<c>INVALID_CURSOR.DISCONNECTED</c>), or the server asked for a retry (<c>google.rpc.RetryInfo</c>).
/// </remarks>
public sealed record RetryPolicy
{
    /// <summary>Gets Spark's default policy.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>Gets a policy that never retries.</summary>
    public static RetryPolicy None { get; } = new() { MaxRetries = 0 };

    /// <summary>Gets the number of retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 15;

    /// <summary>Gets the wait before the first retry.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets the factor by which each wait grows.</summary>
    public double BackoffMultiplier { get; init; } = 4.0;

    /// <summary>Gets the longest single wait.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the wait above which jitter is added.</summary>
    public TimeSpan MinJitterThreshold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the largest random jitter added to a wait.</summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets a value indicating whether a failed call should be retried.</summary>
    public static bool ShouldRetry(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.StatusCode == StatusCode.Unavailable)
        {
            return true;
        }

        if (exception.StatusCode == StatusCode.Internal
            && exception.Status.Detail.Contains("INVALID_CURSOR.DISCONNECTED", StringComparison.Ordinal))
        {
            return true;
        }

        return ErrorDetails.HasRetryInfo(exception);
    }

    /// <summary>Gets the wait before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    /// <param name="attempt">The zero-based retry number.</param>
    /// <param name="random">The jitter source; <see cref="Random.Shared"/> when <see langword="null"/>.</param>
    public TimeSpan Backoff(int attempt, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        double ms = InitialBackoff.TotalMilliseconds * Math.Pow(BackoffMultiplier, attempt);
        ms = Math.Min(ms, MaxBackoff.TotalMilliseconds);
        if (ms > MinJitterThreshold.TotalMilliseconds)
        {
            ms += (random ?? Random.Shared).NextDouble() * Jitter.TotalMilliseconds;
        }

        return TimeSpan.FromMilliseconds(ms);
    }
}
