using System.Runtime.CompilerServices;
using CxSpark.Connect.Sql;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Client;

/// <summary>Reattachable plan execution.</summary>
/// <remarks>
/// Every execution is reattachable: when the response stream ends without <c>result_complete</c> (the server
/// caps a stream's duration and size) or breaks with a transient error, the client reattaches from the last
/// response it received. Consumed responses are released as the caller moves on, and the whole operation once
/// it completes. Cancelling the token interrupts the operation on the server.
/// </remarks>
internal sealed partial class SparkConnectClient
{
    internal async IAsyncEnumerable<Proto.ExecutePlanResponse> ExecuteAsync(
        Proto.Plan plan, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        string operationId = Guid.NewGuid().ToString();
        var request = new Proto.ExecutePlanRequest
        {
            SessionId = SessionId,
            UserContext = _userContext,
            ClientType = Options.UserAgent,
            Plan = plan,
            OperationId = operationId,
        };
        request.RequestOptions.Add(new Proto.ExecutePlanRequest.Types.RequestOption
        {
            ReattachOptions = new Proto.ReattachOptions { Reattachable = true },
        });
        SetObserved(id => request.ClientObservedServerSideSessionId = id);

        using CancellationTokenRegistration interrupt = cancellationToken.Register(() => InterruptInBackground(operationId));
        string? lastResponseId = null;
        bool complete = false;
        bool started = false;
        int retries = 0;
        AsyncServerStreamingCall<Proto.ExecutePlanResponse>? call = null;
        try
        {
            while (!complete)
            {
                // Once ExecutePlan was sent the server may be running the operation, and a second ExecutePlan
                // with its id would fail as a duplicate: later attempts reattach, even before any response.
                call ??= started
                    ? _stub.ReattachExecute(ReattachRequest(operationId, lastResponseId), cancellationToken: cancellationToken)
                    : _stub.ExecutePlan(request, cancellationToken: cancellationToken);
                bool reattaching = started;
                started = true;

                (StepOutcome outcome, Proto.ExecutePlanResponse? response, RpcException? error) = await NextAsync(call, cancellationToken).ConfigureAwait(false);
                switch (outcome)
                {
                    case StepOutcome.Response:
                        retries = 0;
                        Observe(response!.ServerSideSessionId);
                        lastResponseId = response.ResponseId;
                        if (response.ResponseTypeCase == Proto.ExecutePlanResponse.ResponseTypeOneofCase.ExecutionProgress)
                        {
                            ReportProgress(operationId, response.ExecutionProgress);
                            continue;
                        }

                        if (response.ResponseTypeCase == Proto.ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete)
                        {
                            complete = true;
                            continue;
                        }

                        if (response.ResponseTypeCase == Proto.ExecutePlanResponse.ResponseTypeOneofCase.ArrowBatch)
                        {
                            ReleaseInBackground(operationId, response.ResponseId);
                        }

                        yield return response;
                        break;
                    case StepOutcome.EndOfStream:
                        call.Dispose();
                        call = null;
                        Logger.LogDebug("Operation {OperationId}: stream ended before result_complete; reattaching", operationId);
                        break;
                    case StepOutcome.Retry:
                        call.Dispose();
                        call = null;
                        if (retries >= Options.RetryPolicy.MaxRetries)
                        {
                            throw await ConvertAsync(error!, retries).ConfigureAwait(false);
                        }

                        await WaitBeforeRetryAsync(error!, retries++, cancellationToken).ConfigureAwait(false);
                        break;
                    case StepOutcome.Fail when reattaching && lastResponseId is null
                        && error!.Status.Detail.Contains("INVALID_HANDLE.OPERATION_NOT_FOUND", StringComparison.Ordinal):
                        // The first ExecutePlan never reached the server: send it again, as PySpark does.
                        call.Dispose();
                        call = null;
                        started = false;
                        if (retries >= Options.RetryPolicy.MaxRetries)
                        {
                            throw await ConvertAsync(error, retries).ConfigureAwait(false);
                        }

                        retries++;
                        break;
                    default:
                        throw await ConvertAsync(error!, retries).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            call?.Dispose();
        }

        ReleaseInBackground(operationId, responseId: null);
    }

    private async Task<(StepOutcome Outcome, Proto.ExecutePlanResponse? Response, RpcException? Error)> NextAsync(
        AsyncServerStreamingCall<Proto.ExecutePlanResponse> call, CancellationToken cancellationToken)
    {
        try
        {
            bool more = await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
            return more ? (StepOutcome.Response, call.ResponseStream.Current, null) : (StepOutcome.EndOfStream, null, null);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The operation was cancelled and interrupted on the server.", ex, cancellationToken);
        }
        catch (RpcException ex) when (RetryPolicy.ShouldRetry(ex))
        {
            return (StepOutcome.Retry, null, ex);
        }
        catch (RpcException ex)
        {
            return (StepOutcome.Fail, null, ex);
        }
    }

    private Proto.ReattachExecuteRequest ReattachRequest(string operationId, string? lastResponseId)
    {
        var request = new Proto.ReattachExecuteRequest
        {
            SessionId = SessionId,
            UserContext = _userContext,
            ClientType = Options.UserAgent,
            OperationId = operationId,
        };
        if (lastResponseId is not null)
        {
            request.LastResponseId = lastResponseId;
        }

        SetObserved(id => request.ClientObservedServerSideSessionId = id);
        return request;
    }

    private void ReleaseInBackground(string operationId, string? responseId)
    {
        var request = new Proto.ReleaseExecuteRequest
        {
            SessionId = SessionId,
            UserContext = _userContext,
            ClientType = Options.UserAgent,
            OperationId = operationId,
        };
        if (responseId is null)
        {
            request.ReleaseAll = new Proto.ReleaseExecuteRequest.Types.ReleaseAll();
        }
        else
        {
            request.ReleaseUntil = new Proto.ReleaseExecuteRequest.Types.ReleaseUntil { ResponseId = responseId };
        }

        SetObserved(id => request.ClientObservedServerSideSessionId = id);
        _ = Task.Run(async () =>
        {
            try
            {
                await _stub.ReleaseExecuteAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ConfigureAwait(false);
            }
            catch (RpcException ex)
            {
                Logger.LogDebug("ReleaseExecute for {OperationId} failed: {Message}", operationId, ex.Status.Detail);
            }
        });
    }

    private void InterruptInBackground(string operationId)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                IReadOnlyList<string> interrupted = await InterruptAsync(operationId, timeout.Token).ConfigureAwait(false);
                if (interrupted.Contains(operationId))
                {
                    Logger.LogWarning("Interrupted operation {OperationId} on the server", operationId);
                }
            }
            catch (Exception ex) when (ex is Errors.SparkConnectException or OperationCanceledException)
            {
                Logger.LogWarning("Could not interrupt operation {OperationId}: {Message}", operationId, ex.Message);
            }
        });
    }

    private void ReportProgress(string operationId, Proto.ExecutePlanResponse.Types.ExecutionProgress progress)
    {
        Action<ExecutionProgress>? handler = ProgressHandler;
        if (handler is null)
        {
            return;
        }

        var stages = progress.Stages
            .Select(s => new StageProgress(s.StageId, s.NumTasks, s.NumCompletedTasks, s.InputBytesRead, s.Done))
            .ToList();
        handler(new ExecutionProgress(operationId, stages, progress.NumInflightTasks));
    }

    private enum StepOutcome
    {
        Response,
        EndOfStream,
        Retry,
        Fail,
    }
}
