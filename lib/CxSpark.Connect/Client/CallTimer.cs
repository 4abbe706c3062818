using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CxSpark.Connect.Client;

/// <summary>
/// Measures how long at least one call to the server is in flight: the server's share of a client's wall time, whatever
/// it does meanwhile (planning, analysis, jobs, driver-side MLlib work). The rest of the wall time is the client's own.
/// </summary>
/// <remarks>
/// Overlapping calls count once. A server-streaming call (an execution) is in flight from its start until its stream is
/// disposed, so the reading of its responses (Arrow batches) counts as the server's.
/// </remarks>
internal sealed class CallTimer : Interceptor
{
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _inFlight;
    private TimeSpan _busy;
    private TimeSpan _busySince;

    /// <summary>The time during which at least one call was in flight, including the current one.</summary>
    public TimeSpan Busy
    {
        get
        {
            lock (_lock)
            {
                return _inFlight > 0 ? _busy + (_clock.Elapsed - _busySince) : _busy;
            }
        }
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        AsyncUnaryCall<TResponse> call = Start(() => continuation(request, context), out Action end);

        Task<TResponse> response = EndWhenDone(call.ResponseAsync, end);
        return new AsyncUnaryCall<TResponse>(response, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, () =>
        {
            end();
            call.Dispose();
        });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        AsyncServerStreamingCall<TResponse> call = Start(() => continuation(request, context), out Action end);

        return new AsyncServerStreamingCall<TResponse>(call.ResponseStream, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, () =>
        {
            end();
            call.Dispose();
        });
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        AsyncClientStreamingCall<TRequest, TResponse> call = Start(() => continuation(context), out Action end);

        Task<TResponse> response = EndWhenDone(call.ResponseAsync, end);
        return new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, response, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, () =>
        {
            end();
            call.Dispose();
        });
    }

    /// <summary>Starts a call as in flight; <paramref name="end"/> ends it, and a call that fails to start ends at once.</summary>
    private TCall Start<TCall>(Func<TCall> start, out Action end)
    {
        end = Begin();
        try
        {
            return start();
        }
        catch
        {
            end();
            throw;
        }
    }

    /// <summary>Marks a call as started; the returned action ends it (only its first invocation counts).</summary>
    private Action Begin()
    {
        lock (_lock)
        {
            if (_inFlight++ == 0)
            {
                _busySince = _clock.Elapsed;
            }
        }

        int ended = 0;
        return () =>
        {
            if (Interlocked.Exchange(ref ended, 1) == 1)
            {
                return;
            }

            lock (_lock)
            {
                if (--_inFlight == 0)
                {
                    _busy += _clock.Elapsed - _busySince;
                }
            }
        };
    }

    private static async Task<TResponse> EndWhenDone<TResponse>(Task<TResponse> response, Action end)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        finally
        {
            end();
        }
    }
}
