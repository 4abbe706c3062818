using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Caching;

/// <summary>
/// The lifetime of server-side caches: every frame cached through a scope is released when the scope is disposed,
/// last cached first. The pipeline's one idiom for Spark's cache: <c>await using var cache = new CacheScope();</c>, then
/// <c>await cache.CacheAsync(frame, cancellationToken)</c>.
/// </summary>
/// <remarks>
/// Releases are sent with <see cref="CancellationToken.None"/>: a cancelled run still frees what it cached, and its
/// original exception (the cancellation, a failed query) is the one that surfaces. A release that fails (the server is
/// gone, the session closed) is not an error of the run, because the session's end frees its caches anyway: it is
/// ignored, so it never hides the exception the scope is unwinding.
/// </remarks>
public sealed class CacheScope : IAsyncDisposable
{
    private readonly Stack<DataFrame> _cached = new();
    private bool _disposed;

    /// <summary>The frames cached in this scope and not yet released.</summary>
    public int Count => _cached.Count;

    /// <summary>Persists <paramref name="frame"/> (memory, spilling to disk) until the scope ends, and returns it.</summary>
    /// <exception cref="ObjectDisposedException">The scope has ended.</exception>
    public async Task<DataFrame> CacheAsync(DataFrame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        DataFrame cached = await frame.CacheAsync(cancellationToken).ConfigureAwait(false);
        _cached.Push(cached);
        return cached;
    }

    /// <summary>Releases every frame cached in this scope, last first.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_cached.TryPop(out DataFrame? frame))
        {
            try
            {
                await frame.UnpersistAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (SparkConnectException)
            {
                // The session's end releases it.
            }
            catch (ObjectDisposedException)
            {
                // The session was closed first; its end released the cache.
            }
        }
    }
}
