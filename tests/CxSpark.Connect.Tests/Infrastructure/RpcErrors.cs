using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CxSpark.Connect.Tests.Infrastructure;

/// <summary>Builds failed-call exceptions shaped like the ones a Spark Connect server sends.</summary>
internal static class RpcErrors
{
    public const string DetailsTrailer = "grpc-status-details-bin";

    public static RpcException Plain(StatusCode code, string message) => new(new Grpc.Core.Status(code, message));

    /// <summary>An exception whose trailers carry a <c>google.rpc.Status</c> with the given details.</summary>
    public static RpcException WithDetails(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return WithTrailer(code, message, status.ToByteArray());
    }

    /// <summary>An exception whose <c>grpc-status-details-bin</c> trailer holds the given bytes.</summary>
    public static RpcException WithTrailer(StatusCode code, string message, byte[] detailsBin) =>
        new(new Grpc.Core.Status(code, message), new Metadata { { DetailsTrailer, detailsBin } });

    /// <summary>Spark's <c>ErrorInfo</c>: the exception class as reason, the rest as metadata.</summary>
    public static ErrorInfo SparkError(
        string reason,
        string? errorClass = null,
        string? sqlState = null,
        string? messageParameters = null,
        string? classes = null,
        string? errorId = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = "org.apache.spark" };
        Add(info, "errorClass", errorClass);
        Add(info, "sqlState", sqlState);
        Add(info, "messageParameters", messageParameters);
        Add(info, "classes", classes);
        Add(info, "errorId", errorId);
        return info;
    }

    private static void Add(ErrorInfo info, string key, string? value)
    {
        if (value is not null)
        {
            info.Metadata.Add(key, value);
        }
    }
}
