using CxSpark.Connect.Client;
using CxSpark.Connect.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CxSpark.Connect.Tests.Client;

public sealed class ErrorDetailsTests
{
    [Fact]
    public void GetErrorInfo_StatusWithErrorInfo_ReturnsIt()
    {
        RpcException error = RpcErrors.WithDetails(
            StatusCode.Internal,
            "failed",
            new RetryInfo(),
            RpcErrors.SparkError("org.apache.spark.sql.AnalysisException", errorClass: "TABLE_OR_VIEW_NOT_FOUND", errorId: "e-1"));

        ErrorInfo? info = ErrorDetails.GetErrorInfo(error);

        Assert.NotNull(info);
        Assert.Equal("org.apache.spark.sql.AnalysisException", info.Reason);
        Assert.Equal("TABLE_OR_VIEW_NOT_FOUND", info.Metadata["errorClass"]);
        Assert.Equal("e-1", info.Metadata["errorId"]);
    }

    [Fact]
    public void GetErrorInfo_NoTrailer_ReturnsNull()
    {
        Assert.Null(ErrorDetails.GetErrorInfo(RpcErrors.Plain(StatusCode.Internal, "failed")));
    }

    [Fact]
    public void GetErrorInfo_GarbageTrailer_ReturnsNull()
    {
        Assert.Null(ErrorDetails.GetErrorInfo(RpcErrors.WithTrailer(StatusCode.Internal, "failed", [0xFF, 0xFF, 0xFF])));
    }

    [Fact]
    public void GetErrorInfo_ErrorInfoWithGarbageBody_ReturnsNull()
    {
        var status = new Google.Rpc.Status { Code = (int)StatusCode.Internal, Message = "failed" };
        status.Details.Add(new Any { TypeUrl = "type.googleapis.com/google.rpc.ErrorInfo", Value = ByteString.CopyFrom(0xFF, 0xFF, 0xFF) });
        RpcException error = RpcErrors.WithTrailer(StatusCode.Internal, "failed", status.ToByteArray());

        Assert.Null(ErrorDetails.GetErrorInfo(error));
    }

    [Fact]
    public void HasRetryInfo_WithoutRetryInfo_IsFalse()
    {
        RpcException error = RpcErrors.WithDetails(StatusCode.Internal, "failed", RpcErrors.SparkError("org.apache.spark.SparkException"));
        Assert.False(ErrorDetails.HasRetryInfo(error));
    }

    [Fact]
    public void ParseParameters_JsonObject_ReadsStringsAndRawValues()
    {
        IReadOnlyDictionary<string, string> parameters = ErrorDetails.ParseParameters("""{"objectName":"`amount`","proposal":"`id`, `name`","limit":3}""");

        Assert.Equal(3, parameters.Count);
        Assert.Equal("`amount`", parameters["objectName"]);
        Assert.Equal("`id`, `name`", parameters["proposal"]);
        Assert.Equal("3", parameters["limit"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[\"a\",\"b\"]")]
    public void ParseParameters_MissingOrInvalid_IsEmpty(string? json)
    {
        Assert.Empty(ErrorDetails.ParseParameters(json));
    }

    [Fact]
    public void ParseClasses_JsonArray_ReadsInOrder()
    {
        IReadOnlyList<string> classes = ErrorDetails.ParseClasses("""["org.apache.spark.sql.AnalysisException","java.lang.Exception"]""");
        Assert.Equal(["org.apache.spark.sql.AnalysisException", "java.lang.Exception"], classes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("{\"a\":1}")]
    public void ParseClasses_MissingOrInvalid_IsEmpty(string? json)
    {
        Assert.Empty(ErrorDetails.ParseClasses(json));
    }
}
