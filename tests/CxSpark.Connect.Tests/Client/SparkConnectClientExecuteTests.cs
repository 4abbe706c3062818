using CxSpark.Connect.Client;
using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;
using CxSpark.Connect.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Client;

public sealed class SparkConnectClientExecuteTests
{
    private readonly FakeCallInvoker _invoker = new();
    private readonly List<TimeSpan> _waits = [];

    [Fact]
    public async Task ExecuteAsync_StreamEndsBeforeResultComplete_ReattachesFromLastResponse()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r1"), Batch("r2")]));
        _invoker.OnServerStream<Proto.ReattachExecuteRequest, Proto.ExecutePlanResponse>(
            "ReattachExecute", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r3"), Complete("r4")]));
        SparkConnectClient client = NewClient();

        List<string> ids = await CollectIdsAsync(client);

        Assert.Equal(["r1", "r2", "r3"], ids);
        Proto.ExecutePlanRequest execute = Assert.Single(_invoker.Requests<Proto.ExecutePlanRequest>());
        Proto.ReattachExecuteRequest reattach = Assert.Single(_invoker.Requests<Proto.ReattachExecuteRequest>());
        Assert.Equal(execute.OperationId, reattach.OperationId);
        Assert.Equal("r2", reattach.LastResponseId);
        Assert.Equal(client.SessionId, reattach.SessionId);
        Assert.Equal("srv-1", reattach.ClientObservedServerSideSessionId);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task ExecuteAsync_StreamFailsWithUnavailable_ReattachesAfterBackoff()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r1")], RpcErrors.Plain(StatusCode.Unavailable, "connection reset")));
        _invoker.OnServerStream<Proto.ReattachExecuteRequest, Proto.ExecutePlanResponse>(
            "ReattachExecute", request => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r2"), Batch("r3"), Complete("r4")]));
        SparkConnectClient client = NewClient();

        List<string> ids = await CollectIdsAsync(client);

        Assert.Equal(["r1", "r2", "r3"], ids);
        Assert.Equal("r1", Assert.Single(_invoker.Requests<Proto.ReattachExecuteRequest>()).LastResponseId);
        Assert.Equal([TimeSpan.FromMilliseconds(50)], _waits);
    }

    [Fact]
    public async Task ExecuteAsync_CursorDisconnected_Reattaches()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan",
            _ => new ScriptedStream<Proto.ExecutePlanResponse>(
                [Batch("r1")],
                RpcErrors.Plain(StatusCode.Internal, "[INVALID_CURSOR.DISCONNECTED] The cursor is disconnected by the server. SQLSTATE: HY109")));
        _invoker.OnServerStream<Proto.ReattachExecuteRequest, Proto.ExecutePlanResponse>(
            "ReattachExecute", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Complete("r2")]));
        SparkConnectClient client = NewClient();

        List<string> ids = await CollectIdsAsync(client);

        Assert.Equal(["r1"], ids);
        Assert.Equal("r1", Assert.Single(_invoker.Requests<Proto.ReattachExecuteRequest>()).LastResponseId);
    }

    [Fact]
    public async Task ExecuteAsync_StreamEndsBeforeAnyResponse_ReattachesWithoutLastResponseId()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([]));
        _invoker.OnServerStream<Proto.ReattachExecuteRequest, Proto.ExecutePlanResponse>(
            "ReattachExecute", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r1"), Complete("r2")]));
        SparkConnectClient client = NewClient();

        List<string> ids = await CollectIdsAsync(client);

        Assert.Equal(["r1"], ids);
        Assert.Single(_invoker.Requests<Proto.ExecutePlanRequest>());
        Proto.ReattachExecuteRequest reattach = Assert.Single(_invoker.Requests<Proto.ReattachExecuteRequest>());
        Assert.Equal(_invoker.Requests<Proto.ExecutePlanRequest>()[0].OperationId, reattach.OperationId);
        Assert.False(reattach.HasLastResponseId);
    }

    [Fact]
    public async Task ExecuteAsync_OperationNeverReachedServer_SendsExecutePlanAgain()
    {
        int executes = 0;
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan",
            _ => ++executes == 1
                ? new ScriptedStream<Proto.ExecutePlanResponse>([], RpcErrors.Plain(StatusCode.Unavailable, "connection refused"))
                : new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r1"), Complete("r2")]));
        _invoker.OnServerStream<Proto.ReattachExecuteRequest, Proto.ExecutePlanResponse>(
            "ReattachExecute",
            _ => new ScriptedStream<Proto.ExecutePlanResponse>(
                [],
                RpcErrors.Plain(StatusCode.Internal, "[INVALID_HANDLE.OPERATION_NOT_FOUND] The handle is invalid. SQLSTATE: HY000")));
        SparkConnectClient client = NewClient();

        List<string> ids = await CollectIdsAsync(client);

        Assert.Equal(["r1"], ids);
        IReadOnlyList<Proto.ExecutePlanRequest> executePlans = _invoker.Requests<Proto.ExecutePlanRequest>();
        Assert.Equal(2, executePlans.Count);
        Assert.Equal(executePlans[0].OperationId, executePlans[1].OperationId);
        Assert.Equal(
            ["ExecutePlan", "ReattachExecute", "ExecutePlan"],
            _invoker.Calls.Select(c => c.Method).Where(m => m is "ExecutePlan" or "ReattachExecute"));
    }

    [Fact]
    public async Task ExecuteAsync_OperationNotFoundAfterResponses_IsAnError()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r1")]));
        _invoker.OnServerStream<Proto.ReattachExecuteRequest, Proto.ExecutePlanResponse>(
            "ReattachExecute",
            _ => new ScriptedStream<Proto.ExecutePlanResponse>(
                [],
                RpcErrors.Plain(StatusCode.Internal, "[INVALID_HANDLE.OPERATION_NOT_FOUND] The handle is invalid. SQLSTATE: HY000")));
        SparkConnectClient client = NewClient();

        SparkConnectException error = await Assert.ThrowsAsync<SparkConnectException>(() => CollectIdsAsync(client));

        Assert.Contains("INVALID_HANDLE.OPERATION_NOT_FOUND", error.Message, StringComparison.Ordinal);
        Assert.Single(_invoker.Requests<Proto.ExecutePlanRequest>());
    }

    [Fact]
    public async Task ExecuteAsync_ReattachKeepsFailing_ThrowsSparkConnectionExceptionAfterMaxRetries()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r1")], RpcErrors.Plain(StatusCode.Unavailable, "down")));
        _invoker.OnServerStream<Proto.ReattachExecuteRequest, Proto.ExecutePlanResponse>(
            "ReattachExecute", _ => new ScriptedStream<Proto.ExecutePlanResponse>([], RpcErrors.Plain(StatusCode.Unavailable, "down")));
        SparkConnectClient client = NewClient(RetryPolicy.Default with { MaxRetries = 2 });

        SparkConnectionException error = await Assert.ThrowsAsync<SparkConnectionException>(() => CollectIdsAsync(client));

        Assert.Contains("sc://spark.test:15002", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 retries", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _invoker.Requests<Proto.ReattachExecuteRequest>().Count);
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)], _waits);
    }

    [Fact]
    public async Task ExecuteAsync_ServerError_IsConvertedWithoutReattach()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan",
            _ => new ScriptedStream<Proto.ExecutePlanResponse>(
                [],
                RpcErrors.WithDetails(
                    StatusCode.Internal,
                    "[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012",
                    RpcErrors.SparkError("org.apache.spark.SparkArithmeticException", errorClass: "DIVIDE_BY_ZERO", sqlState: "22012"))));
        SparkConnectClient client = NewClient();

        SparkServerException error = await Assert.ThrowsAnyAsync<SparkServerException>(() => CollectIdsAsync(client));

        Assert.Equal("DIVIDE_BY_ZERO", error.ErrorClass);
        Assert.Equal("[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012", error.Message);
        Assert.Empty(_invoker.Requests<Proto.ReattachExecuteRequest>());
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task ExecuteAsync_ServerSideSessionIdChanges_ThrowsSessionChangedException()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r1"), Batch("r2", serverSession: "srv-restarted"), Complete("r3")]));
        SparkConnectClient client = NewClient();
        var ids = new List<string>();

        SessionChangedException error = await Assert.ThrowsAsync<SessionChangedException>(async () =>
        {
            await foreach (Proto.ExecutePlanResponse response in client.ExecuteAsync(RangePlan()))
            {
                ids.Add(response.ResponseId);
            }
        });

        Assert.Equal(["r1"], ids);
        Assert.Equal("INVALID_HANDLE.SESSION_CHANGED", error.ErrorClass);
        Assert.Contains("srv-restarted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_Request_IsReattachableWithOperationIdAndSession()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Complete("r1")]));
        SparkConnectClient client = NewClient();

        await CollectIdsAsync(client);

        RecordedCall call = Assert.Single(_invoker.Calls, c => c.Method == "ExecutePlan");
        var request = (Proto.ExecutePlanRequest)call.Request;
        Assert.True(Guid.TryParse(request.OperationId, out _), $"operation_id '{request.OperationId}' is not a UUID");
        Assert.True(Guid.TryParse(request.SessionId, out _), $"session_id '{request.SessionId}' is not a UUID");
        Assert.Equal("tester", request.UserContext.UserId);
        Assert.Equal("unit-tests", request.ClientType);
        Assert.True(Assert.Single(request.RequestOptions).ReattachOptions.Reattachable);
        Assert.Equal(10, request.Plan.Root.Range.End);
        Assert.Equal("Bearer s3cret", call.Headers.GetValue("authorization"));
    }

    [Fact]
    public async Task ExecuteAsync_TwoExecutions_UseDistinctOperationIds()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Complete("r1")]));
        SparkConnectClient client = NewClient();

        await CollectIdsAsync(client);
        await CollectIdsAsync(client);

        IReadOnlyList<Proto.ExecutePlanRequest> requests = _invoker.Requests<Proto.ExecutePlanRequest>();
        Assert.Equal(2, requests.Count);
        Assert.NotEqual(requests[0].OperationId, requests[1].OperationId);
    }

    [Fact]
    public async Task ExecuteAsync_Batches_AreReleasedUntilAndAllAtTheEnd()
    {
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([Batch("r1"), Batch("r2"), Complete("r3")]));
        SparkConnectClient client = NewClient();

        await CollectIdsAsync(client);

        string operationId = Assert.Single(_invoker.Requests<Proto.ExecutePlanRequest>()).OperationId;
        await _invoker.WaitForCallAsync(c => c.Request is Proto.ReleaseExecuteRequest { ReleaseAll: not null });
        await _invoker.WaitForCallAsync(c => c.Request is Proto.ReleaseExecuteRequest { ReleaseUntil.ResponseId: "r2" });
        IReadOnlyList<Proto.ReleaseExecuteRequest> releases = _invoker.Requests<Proto.ReleaseExecuteRequest>();
        Assert.All(releases, r => Assert.Equal(operationId, r.OperationId));
        Assert.Equal(
            ["r1", "r2"],
            releases.Where(r => r.ReleaseUntil is not null).Select(r => r.ReleaseUntil.ResponseId).Order(StringComparer.Ordinal));
        Assert.Single(releases, r => r.ReleaseAll is not null);
    }

    [Fact]
    public async Task ExecuteAsync_Progress_IsReportedNotYielded()
    {
        var progress = new Proto.ExecutePlanResponse
        {
            ResponseId = "p1",
            ServerSideSessionId = "srv-1",
            ExecutionProgress = new Proto.ExecutePlanResponse.Types.ExecutionProgress { NumInflightTasks = 3 },
        };
        progress.ExecutionProgress.Stages.Add(new Proto.ExecutePlanResponse.Types.ExecutionProgress.Types.StageInfo
        {
            StageId = 5,
            NumTasks = 8,
            NumCompletedTasks = 2,
            InputBytesRead = 1024,
            Done = false,
        });
        _invoker.OnServerStream<Proto.ExecutePlanRequest, Proto.ExecutePlanResponse>(
            "ExecutePlan", _ => new ScriptedStream<Proto.ExecutePlanResponse>([progress, Batch("r1"), Complete("r2")]));
        SparkConnectClient client = NewClient();
        var reports = new List<ExecutionProgress>();
        client.ProgressHandler = reports.Add;

        List<string> ids = await CollectIdsAsync(client);

        Assert.Equal(["r1"], ids);
        ExecutionProgress report = Assert.Single(reports);
        Assert.Equal(3L, report.InflightTasks);
        StageProgress stage = Assert.Single(report.Stages);
        Assert.Equal(5L, stage.StageId);
        Assert.Equal(8L, stage.NumTasks);
        Assert.Equal(2L, stage.CompletedTasks);
    }

    private static Proto.ExecutePlanResponse Batch(string id, string serverSession = "srv-1") => new()
    {
        ResponseId = id,
        ServerSideSessionId = serverSession,
        ArrowBatch = new Proto.ExecutePlanResponse.Types.ArrowBatch { RowCount = 1, Data = ByteString.CopyFromUtf8(id) },
    };

    private static Proto.ExecutePlanResponse Complete(string id) => new()
    {
        ResponseId = id,
        ServerSideSessionId = "srv-1",
        ResultComplete = new Proto.ExecutePlanResponse.Types.ResultComplete(),
    };

    private static Proto.Plan RangePlan() => new() { Root = new Proto.Relation { Range = new Proto.Range { Start = 0, End = 10, Step = 1 } } };

    private async Task<List<string>> CollectIdsAsync(SparkConnectClient client)
    {
        var ids = new List<string>();
        await foreach (Proto.ExecutePlanResponse response in client.ExecuteAsync(RangePlan()))
        {
            ids.Add(response.ResponseId);
        }

        return ids;
    }

    private SparkConnectClient NewClient(RetryPolicy? policy = null)
    {
        SparkConnectOptions options = SparkConnectOptions.Parse("sc://spark.test:15002/;token=s3cret;user_id=tester;user_agent=unit-tests")
            with
        { RetryPolicy = policy ?? RetryPolicy.Default };
        return new SparkConnectClient(options, _invoker, logger: null, delay: (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        });
    }
}
