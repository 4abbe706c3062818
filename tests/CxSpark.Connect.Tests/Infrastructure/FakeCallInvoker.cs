using System.Collections.Concurrent;
using Grpc.Core;

namespace CxSpark.Connect.Tests.Infrastructure;

/// <summary>An in-process gRPC stub for client mechanics a real server cannot produce on demand.</summary>
/// <remarks>
/// Each call is recorded with its request and headers, then answered by the handler registered for the method
/// name (<c>AnalyzePlan</c>, <c>ExecutePlan</c>…). A handler returns the response or throws an
/// <see cref="RpcException"/>; a streaming handler returns a <see cref="ScriptedStream{T}"/>. Unary methods
/// without a handler answer with an empty response.
/// </remarks>
internal sealed class FakeCallInvoker : CallInvoker
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, Func<object, object>> _unary = new();
    private readonly ConcurrentDictionary<string, Func<object, object>> _serverStreams = new();

    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    public IReadOnlyList<TRequest> Requests<TRequest>() => _calls.Select(c => c.Request).OfType<TRequest>().ToList();

    public FakeCallInvoker OnUnary<TRequest, TResponse>(string method, Func<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        _unary[method] = request => handler((TRequest)request);
        return this;
    }

    public FakeCallInvoker OnServerStream<TRequest, TResponse>(string method, Func<TRequest, ScriptedStream<TResponse>> handler)
        where TRequest : class
        where TResponse : class
    {
        _serverStreams[method] = request => handler((TRequest)request);
        return this;
    }

    /// <summary>Waits until a recorded call satisfies <paramref name="predicate"/> (for calls made in the background).</summary>
    public async Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            RecordedCall? call = _calls.FirstOrDefault(predicate);
            if (call is not null)
            {
                return call;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Record(method.Name, request, options);
        Task<TResponse> response;
        try
        {
            response = Task.FromResult(_unary.TryGetValue(method.Name, out Func<object, object>? handler)
                ? (TResponse)handler(request)
                : Activator.CreateInstance<TResponse>());
        }
        catch (RpcException ex)
        {
            response = Task.FromException<TResponse>(ex);
        }

        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Record(method.Name, request, options);
        if (!_serverStreams.TryGetValue(method.Name, out Func<object, object>? handler))
        {
            throw new InvalidOperationException($"The fake has no stream for {method.Name}.");
        }

        var stream = (ScriptedStream<TResponse>)handler(request);
        return new AsyncServerStreamingCall<TResponse>(stream, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException($"The fake does not serve client streams ({method.Name}).");

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException($"The fake does not serve duplex streams ({method.Name}).");

    private void Record(string method, object request, CallOptions options) =>
        _calls.Enqueue(new RecordedCall(method, request, options.Headers ?? []));
}

/// <summary>One call the client made.</summary>
internal sealed record RecordedCall(string Method, object Request, Metadata Headers);

/// <summary>A response stream that yields the given messages, then ends cleanly or fails with an error.</summary>
internal sealed class ScriptedStream<T>(IEnumerable<T> responses, RpcException? error = null) : IAsyncStreamReader<T>
    where T : class
{
    private readonly IEnumerator<T> _responses = responses.GetEnumerator();

    public T Current => _responses.Current;

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_responses.MoveNext())
        {
            return Task.FromResult(true);
        }

        return error is null ? Task.FromResult(false) : Task.FromException<bool>(error);
    }
}
