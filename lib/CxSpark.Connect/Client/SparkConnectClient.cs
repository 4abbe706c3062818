using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Client;

/// <summary>One Spark Connect session's transport: the channel, the session ids and the unary RPCs.</summary>
internal sealed partial class SparkConnectClient : IAsyncDisposable
{
    private readonly GrpcChannel? _ownedChannel;
    private readonly Proto.SparkConnectService.SparkConnectServiceClient _stub;
    private readonly Proto.UserContext _userContext;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private string? _serverSideSessionId;
    private int _disposed;

    internal SparkConnectClient(SparkConnectOptions options, CallInvoker? callInvoker, ILogger? logger, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        Options = options;
        Logger = logger ?? NullLogger.Instance;
        _delay = delay ?? Task.Delay;
        SessionId = options.SessionId ?? Guid.NewGuid().ToString();
        _userContext = new Proto.UserContext { UserId = options.UserId, UserName = options.UserId };
        if (callInvoker is null)
        {
            _ownedChannel = CreateChannel(options);
            callInvoker = _ownedChannel.CreateCallInvoker();
        }

        _stub = new Proto.SparkConnectService.SparkConnectServiceClient(callInvoker.Intercept(AddHeaders).Intercept(Calls));
    }

    /// <summary>Measures the time with a call to the server in flight.</summary>
    internal CallTimer Calls { get; } = new();

    internal SparkConnectOptions Options { get; }

    internal ILogger Logger { get; }

    internal string SessionId { get; }

    internal string? ServerSideSessionId => _serverSideSessionId;

    internal string Endpoint => Options.ToString();

    internal Action<ExecutionProgress>? ProgressHandler { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            var request = new Proto.ReleaseSessionRequest { SessionId = SessionId, UserContext = _userContext, ClientType = Options.UserAgent };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _stub.ReleaseSessionAsync(request, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException)
        {
            Logger.LogDebug("ReleaseSession for {SessionId} failed: {Message}", SessionId, ex.Message);
        }
        finally
        {
            _ownedChannel?.Dispose();
        }
    }

    internal Task<Proto.AnalyzePlanResponse> AnalyzeAsync(Proto.AnalyzePlanRequest request, CancellationToken cancellationToken)
    {
        request.SessionId = SessionId;
        request.UserContext = _userContext;
        request.ClientType = Options.UserAgent;
        SetObserved(id => request.ClientObservedServerSideSessionId = id);
        return CallAsync(async ct =>
        {
            Proto.AnalyzePlanResponse response = await _stub.AnalyzePlanAsync(request, deadline: Deadline(), cancellationToken: ct).ConfigureAwait(false);
            Observe(response.ServerSideSessionId);
            return response;
        }, cancellationToken);
    }

    internal Task<Proto.ConfigResponse> ConfigAsync(Proto.ConfigRequest.Types.Operation operation, CancellationToken cancellationToken)
    {
        var request = new Proto.ConfigRequest { SessionId = SessionId, UserContext = _userContext, ClientType = Options.UserAgent, Operation = operation };
        SetObserved(id => request.ClientObservedServerSideSessionId = id);
        return CallAsync(async ct =>
        {
            Proto.ConfigResponse response = await _stub.ConfigAsync(request, deadline: Deadline(), cancellationToken: ct).ConfigureAwait(false);
            Observe(response.ServerSideSessionId);
            return response;
        }, cancellationToken);
    }

    internal async Task<IReadOnlyList<string>> InterruptAsync(string? operationId, CancellationToken cancellationToken)
    {
        var request = new Proto.InterruptRequest { SessionId = SessionId, UserContext = _userContext, ClientType = Options.UserAgent };
        if (operationId is null)
        {
            request.InterruptType = Proto.InterruptRequest.Types.InterruptType.All;
        }
        else
        {
            request.InterruptType = Proto.InterruptRequest.Types.InterruptType.OperationId;
            request.OperationId = operationId;
        }

        SetObserved(id => request.ClientObservedServerSideSessionId = id);
        Proto.InterruptResponse response = await CallAsync(
            ct => _stub.InterruptAsync(request, deadline: Deadline(), cancellationToken: ct).ResponseAsync, cancellationToken).ConfigureAwait(false);
        return response.InterruptedIds;
    }

    internal async Task<Proto.FetchErrorDetailsResponse?> TryFetchErrorDetailsAsync(string errorId)
    {
        var request = new Proto.FetchErrorDetailsRequest { SessionId = SessionId, UserContext = _userContext, ClientType = Options.UserAgent, ErrorId = errorId };
        SetObserved(id => request.ClientObservedServerSideSessionId = id);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await _stub.FetchErrorDetailsAsync(request, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException)
        {
            Logger.LogDebug("FetchErrorDetails {ErrorId} failed: {Message}", errorId, ex.Message);
            return null;
        }
    }

    /// <summary>Runs a unary call with the retry policy; converts its final failure.</summary>
    internal async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The call was cancelled.", ex, cancellationToken);
            }
            catch (RpcException ex) when (RetryPolicy.ShouldRetry(ex) && attempt < Options.RetryPolicy.MaxRetries)
            {
                await WaitBeforeRetryAsync(ex, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex)
            {
                throw await ConvertAsync(ex, attempt).ConfigureAwait(false);
            }
        }
    }

    internal async Task WaitBeforeRetryAsync(RpcException exception, int attempt, CancellationToken cancellationToken)
    {
        TimeSpan wait = Options.RetryPolicy.Backoff(attempt);
        Logger.LogDebug("Retrying after {Status} in {Wait} (retry {Attempt} of {Max})", exception.StatusCode, wait, attempt + 1, Options.RetryPolicy.MaxRetries);
        await _delay(wait, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<SparkConnectException> ConvertAsync(RpcException exception, int retries)
    {
        if (exception.StatusCode is StatusCode.Unavailable)
        {
            return ErrorConverter.Unreachable(exception, Endpoint, retries);
        }

        string? errorId = ErrorDetails.GetErrorInfo(exception)?.Metadata.GetValueOrDefault("errorId");
        Proto.FetchErrorDetailsResponse? details = errorId is null ? null : await TryFetchErrorDetailsAsync(errorId).ConfigureAwait(false);
        return ErrorConverter.Convert(exception, Endpoint, details);
    }

    internal void Observe(string serverSideSessionId)
    {
        if (string.IsNullOrEmpty(serverSideSessionId))
        {
            return;
        }

        string? previous = Interlocked.CompareExchange(ref _serverSideSessionId, serverSideSessionId, null);
        if (previous is not null && previous != serverSideSessionId)
        {
            var info = new SparkErrorInfo(
                $"The server-side session changed from {previous} to {serverSideSessionId}: the server restarted or lost the session, and with it its temporary views, cached models and settings.",
                "INVALID_HANDLE.SESSION_CHANGED", null, new Dictionary<string, string>(), null, [], null, null, StatusCode.Internal.ToString());
            throw new SessionChangedException(info, null);
        }
    }

    private void SetObserved(Action<string> set)
    {
        if (_serverSideSessionId is { } id)
        {
            set(id);
        }
    }

    private DateTime Deadline() => DateTime.UtcNow + Options.UnaryCallTimeout;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);

    private Metadata AddHeaders(Metadata metadata)
    {
        if (Options.Token is not null)
        {
            metadata.Add("authorization", "Bearer " + Options.Token);
        }

        foreach ((string key, string value) in Options.Headers)
        {
            metadata.Add(key, value);
        }

        return metadata;
    }

    private static GrpcChannel CreateChannel(SparkConnectOptions options)
    {
        options.ValidateTokenTransport();
        // Keepalive pings detect a vanished server, but gRPC-Java servers (Spark's among them) answer pings sent more often
        // than every 5 minutes with GOAWAY ENHANCE_YOUR_CALM, which kills every call on the connection.
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingDelay = TimeSpan.FromMinutes(6),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        return GrpcChannel.ForAddress(options.Endpoint, new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = options.MaxMessageSize,
            MaxSendMessageSize = options.MaxMessageSize,
            DisposeHttpClient = true,
        });
    }
}
