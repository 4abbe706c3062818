using CxSpark.Connect.Client;
using CxSpark.Connect.Errors;
using CxSpark.Connect.Tests.Infrastructure;
using Grpc.Core;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Client;

public sealed class SparkConnectClientTests
{
    private const string ConnectionString = "sc://spark.test:15002/;token=s3cret;user_id=tester;user_agent=unit-tests;x-trace=42";

    private readonly FakeCallInvoker _invoker = new();
    private readonly List<TimeSpan> _waits = [];

    [Fact]
    public async Task ConfigAsync_UnavailableTwiceThenSuccess_RetriesWithBackoffAndReturns()
    {
        int attempts = 0;
        _invoker.OnUnary<Proto.ConfigRequest, Proto.ConfigResponse>("Config", request =>
        {
            if (++attempts <= 2)
            {
                throw RpcErrors.Plain(StatusCode.Unavailable, "connection refused");
            }

            var response = new Proto.ConfigResponse { SessionId = request.SessionId, ServerSideSessionId = "srv-1" };
            response.Pairs.Add(new Proto.KeyValue { Key = "spark.sql.shuffle.partitions", Value = "4" });
            return response;
        });
        SparkConnectClient client = NewClient();

        Proto.ConfigResponse result = await client.ConfigAsync(GetAll(), CancellationToken.None);

        Assert.Equal("4", Assert.Single(result.Pairs).Value);
        Assert.Equal(3, _invoker.Requests<Proto.ConfigRequest>().Count);
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)], _waits);
        Assert.Equal("srv-1", client.ServerSideSessionId);
    }

    [Fact]
    public void Constructor_OwnChannelWithTokenInPlaintextToAnotherHost_RefusesBeforeAnyCall()
    {
        SparkConnectOptions options = SparkConnectOptions.Parse("sc://spark.test:15002/;token=s3cret");

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => new SparkConnectClient(options, callInvoker: null, logger: null));

        Assert.Contains("allow_insecure_auth=true", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_RetriesExhausted_ThrowsSparkConnectionExceptionNamingEndpoint()
    {
        _invoker.OnUnary<Proto.AnalyzePlanRequest, Proto.AnalyzePlanResponse>(
            "AnalyzePlan", _ => throw RpcErrors.Plain(StatusCode.Unavailable, "connection refused"));
        SparkConnectOptions options = SparkConnectOptions.Parse(ConnectionString) with { RetryPolicy = RetryPolicy.Default with { MaxRetries = 3 } };
        SparkConnectClient client = NewClient(options);

        SparkConnectionException error = await Assert.ThrowsAsync<SparkConnectionException>(
            () => client.AnalyzeAsync(SparkVersion(), CancellationToken.None));

        Assert.Equal("sc://spark.test:15002/;token=***", error.Endpoint);
        Assert.Contains("sc://spark.test:15002", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 retries", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _invoker.Requests<Proto.AnalyzePlanRequest>().Count);
        Assert.Equal(3, _waits.Count);
        Assert.Equal(StatusCode.Unavailable, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task AnalyzeAsync_RetryPolicyNone_DoesNotRetry()
    {
        _invoker.OnUnary<Proto.AnalyzePlanRequest, Proto.AnalyzePlanResponse>(
            "AnalyzePlan", _ => throw RpcErrors.Plain(StatusCode.Unavailable, "connection refused"));
        SparkConnectClient client = NewClient(SparkConnectOptions.Parse(ConnectionString) with { RetryPolicy = RetryPolicy.None });

        await Assert.ThrowsAsync<SparkConnectionException>(() => client.AnalyzeAsync(SparkVersion(), CancellationToken.None));

        Assert.Single(_invoker.Requests<Proto.AnalyzePlanRequest>());
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task AnalyzeAsync_NonTransientError_IsNotRetried()
    {
        _invoker.OnUnary<Proto.AnalyzePlanRequest, Proto.AnalyzePlanResponse>(
            "AnalyzePlan", _ => throw RpcErrors.Plain(StatusCode.InvalidArgument, "plan is empty"));
        SparkConnectClient client = NewClient();

        SparkConnectException error = await Assert.ThrowsAsync<SparkConnectException>(() => client.AnalyzeAsync(SparkVersion(), CancellationToken.None));

        Assert.Contains("InvalidArgument: plan is empty", error.Message, StringComparison.Ordinal);
        Assert.Single(_invoker.Requests<Proto.AnalyzePlanRequest>());
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task AnalyzeAsync_ErrorWithErrorId_FetchesDetailsForTheFullMessage()
    {
        _invoker.OnUnary<Proto.AnalyzePlanRequest, Proto.AnalyzePlanResponse>(
            "AnalyzePlan",
            _ => throw RpcErrors.WithDetails(
                StatusCode.Internal,
                "[TABLE_OR_VIEW_NOT_FOUND] The table... (truncated)",
                RpcErrors.SparkError("org.apache.spark.sql.AnalysisException", errorClass: "TABLE_OR_VIEW_NOT_FOUND", sqlState: "42P01", errorId: "e-7")));
        _invoker.OnUnary<Proto.FetchErrorDetailsRequest, Proto.FetchErrorDetailsResponse>("FetchErrorDetails", request =>
        {
            var details = new Proto.FetchErrorDetailsResponse { RootErrorIdx = 0 };
            var error = new Proto.FetchErrorDetailsResponse.Types.Error { Message = $"The table or view `sales` cannot be found ({request.ErrorId})." };
            error.ErrorTypeHierarchy.Add("org.apache.spark.sql.AnalysisException");
            details.Errors.Add(error);
            return details;
        });
        SparkConnectClient client = NewClient();

        TableOrViewNotFoundException thrown = await Assert.ThrowsAsync<TableOrViewNotFoundException>(
            () => client.AnalyzeAsync(SparkVersion(), CancellationToken.None));

        Assert.Equal("[TABLE_OR_VIEW_NOT_FOUND] The table or view `sales` cannot be found (e-7). SQLSTATE: 42P01", thrown.Message);
        Proto.FetchErrorDetailsRequest fetch = Assert.Single(_invoker.Requests<Proto.FetchErrorDetailsRequest>());
        Assert.Equal("e-7", fetch.ErrorId);
        Assert.Equal(client.SessionId, fetch.SessionId);
    }

    [Fact]
    public async Task AnalyzeAsync_FetchErrorDetailsFails_KeepsOriginalError()
    {
        _invoker.OnUnary<Proto.AnalyzePlanRequest, Proto.AnalyzePlanResponse>(
            "AnalyzePlan",
            _ => throw RpcErrors.WithDetails(
                StatusCode.Internal,
                "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'. SQLSTATE: 42601",
                RpcErrors.SparkError("org.apache.spark.sql.catalyst.parser.ParseException", errorClass: "PARSE_SYNTAX_ERROR", sqlState: "42601", errorId: "e-8")));
        _invoker.OnUnary<Proto.FetchErrorDetailsRequest, Proto.FetchErrorDetailsResponse>(
            "FetchErrorDetails", _ => throw RpcErrors.Plain(StatusCode.Internal, "details expired"));
        SparkConnectClient client = NewClient();

        ParseException thrown = await Assert.ThrowsAsync<ParseException>(() => client.AnalyzeAsync(SparkVersion(), CancellationToken.None));

        Assert.Equal("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'. SQLSTATE: 42601", thrown.Message);
        Assert.Single(_invoker.Requests<Proto.FetchErrorDetailsRequest>());
    }

    [Fact]
    public async Task ConfigAsync_ServerSideSessionIdChanges_ThrowsSessionChangedException()
    {
        int calls = 0;
        _invoker.OnUnary<Proto.ConfigRequest, Proto.ConfigResponse>(
            "Config", _ => new Proto.ConfigResponse { ServerSideSessionId = ++calls == 1 ? "srv-1" : "srv-2" });
        SparkConnectClient client = NewClient();
        await client.ConfigAsync(GetAll(), CancellationToken.None);

        SessionChangedException error = await Assert.ThrowsAsync<SessionChangedException>(() => client.ConfigAsync(GetAll(), CancellationToken.None));

        Assert.Equal("INVALID_HANDLE.SESSION_CHANGED", error.ErrorClass);
        Assert.Contains("from srv-1 to srv-2", error.Message, StringComparison.Ordinal);
        IReadOnlyList<Proto.ConfigRequest> requests = _invoker.Requests<Proto.ConfigRequest>();
        Assert.False(requests[0].HasClientObservedServerSideSessionId);
        Assert.Equal("srv-1", requests[1].ClientObservedServerSideSessionId);
    }

    [Fact]
    public async Task AnalyzeAsync_Request_CarriesSessionUserAndClientType()
    {
        SparkConnectClient client = NewClient();

        await client.AnalyzeAsync(SparkVersion(), CancellationToken.None);

        Proto.AnalyzePlanRequest request = Assert.Single(_invoker.Requests<Proto.AnalyzePlanRequest>());
        Assert.True(Guid.TryParse(request.SessionId, out _), $"session_id '{request.SessionId}' is not a UUID");
        Assert.Equal(client.SessionId, request.SessionId);
        Assert.Equal("tester", request.UserContext.UserId);
        Assert.Equal("unit-tests", request.ClientType);
    }

    [Fact]
    public async Task Calls_WithTokenAndExtraParameters_SendBearerAndExtraHeaders()
    {
        SparkConnectClient client = NewClient();

        await client.AnalyzeAsync(SparkVersion(), CancellationToken.None);
        await client.ConfigAsync(GetAll(), CancellationToken.None);

        Assert.Equal(2, _invoker.Calls.Count);
        foreach (RecordedCall call in _invoker.Calls)
        {
            Assert.Equal("Bearer s3cret", call.Headers.GetValue("authorization"));
            Assert.Equal("42", call.Headers.GetValue("x-trace"));
        }
    }

    [Fact]
    public async Task Calls_WithoutToken_SendNoAuthorizationHeader()
    {
        SparkConnectClient client = NewClient(SparkConnectOptions.Parse("sc://spark.test:15002"));

        await client.AnalyzeAsync(SparkVersion(), CancellationToken.None);

        Assert.Null(Assert.Single(_invoker.Calls).Headers.Get("authorization"));
    }

    [Fact]
    public void Constructor_SessionIdInOptions_IsUsed()
    {
        SparkConnectClient client = NewClient(SparkConnectOptions.Parse("sc://h/;session_id=00112233-4455-6677-8899-aabbccddeeff"));
        Assert.Equal("00112233-4455-6677-8899-aabbccddeeff", client.SessionId);
    }

    [Fact]
    public async Task DisposeAsync_SendsReleaseSessionOnce()
    {
        SparkConnectClient client = NewClient();

        await client.DisposeAsync();
        await client.DisposeAsync();

        Proto.ReleaseSessionRequest release = Assert.Single(_invoker.Requests<Proto.ReleaseSessionRequest>());
        Assert.Equal(client.SessionId, release.SessionId);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.AnalyzeAsync(SparkVersion(), CancellationToken.None));
    }

    internal static Proto.ConfigRequest.Types.Operation GetAll() => new() { GetAll = new Proto.ConfigRequest.Types.GetAll() };

    private static Proto.AnalyzePlanRequest SparkVersion() => new() { SparkVersion = new Proto.AnalyzePlanRequest.Types.SparkVersion() };

    private SparkConnectClient NewClient(SparkConnectOptions? options = null) =>
        new(options ?? SparkConnectOptions.Parse(ConnectionString), _invoker, logger: null, delay: (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        });
}
