using CxSpark.Connect.Client;
using CxSpark.Connect.Errors;
using CxSpark.Connect.Tests.Infrastructure;
using Grpc.Core;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Client;

public sealed class ErrorConverterTests
{
    private const string Endpoint = "sc://spark.example.com:15002";
    private const string AnalysisClasses = """["org.apache.spark.sql.AnalysisException","java.lang.Exception","java.lang.Throwable"]""";

    [Fact]
    public void Convert_UnresolvedColumnWithSuggestion_IsColumnNotFoundWithParameters()
    {
        RpcException rpc = RpcErrors.WithDetails(
            StatusCode.Internal,
            "A column, variable, or function parameter with name `amount` cannot be resolved.",
            RpcErrors.SparkError(
                "org.apache.spark.sql.AnalysisException",
                errorClass: "UNRESOLVED_COLUMN.WITH_SUGGESTION",
                sqlState: "42703",
                messageParameters: """{"objectName":"`amount`","proposal":"`id`, `name`"}""",
                classes: AnalysisClasses,
                errorId: "4f1c2d9e"));

        SparkConnectException error = ErrorConverter.Convert(rpc, Endpoint, details: null);

        ColumnNotFoundException columnError = Assert.IsType<ColumnNotFoundException>(error);
        Assert.Equal(
            "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `amount` cannot be resolved. SQLSTATE: 42703",
            columnError.Message);
        Assert.Equal("UNRESOLVED_COLUMN.WITH_SUGGESTION", columnError.ErrorClass);
        Assert.Equal("42703", columnError.SqlState);
        Assert.Equal("4f1c2d9e", columnError.ErrorId);
        Assert.Equal("org.apache.spark.sql.AnalysisException", columnError.ExceptionClass);
        Assert.Equal("Internal", columnError.StatusCode);
        Assert.Equal("`amount`", columnError.MessageParameters["objectName"]);
        Assert.Equal("`id`, `name`", columnError.MessageParameters["proposal"]);
        Assert.Equal(3, columnError.Info.ExceptionClasses.Count);
        Assert.Same(rpc, columnError.InnerException);
    }

    [Fact]
    public void Convert_MessageAlreadyFormatted_IsNotPrefixedTwice()
    {
        const string ServerMessage = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `sales` cannot be found. SQLSTATE: 42P01";
        RpcException rpc = RpcErrors.WithDetails(
            StatusCode.Internal,
            ServerMessage,
            RpcErrors.SparkError("org.apache.spark.sql.AnalysisException", errorClass: "TABLE_OR_VIEW_NOT_FOUND", sqlState: "42P01", classes: AnalysisClasses));

        SparkConnectException error = ErrorConverter.Convert(rpc, Endpoint, details: null);

        Assert.IsType<TableOrViewNotFoundException>(error);
        Assert.Equal(ServerMessage, error.Message);
    }

    [Theory]
    [InlineData("TABLE_OR_VIEW_NOT_FOUND", "org.apache.spark.sql.AnalysisException", typeof(TableOrViewNotFoundException))]
    [InlineData("PATH_NOT_FOUND", "org.apache.spark.sql.AnalysisException", typeof(TableOrViewNotFoundException))]
    [InlineData("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "org.apache.spark.sql.AnalysisException", typeof(ColumnNotFoundException))]
    [InlineData("FIELD_NOT_FOUND", "org.apache.spark.sql.AnalysisException", typeof(ColumnNotFoundException))]
    [InlineData("PARSE_SYNTAX_ERROR", "org.apache.spark.sql.catalyst.parser.ParseException", typeof(ParseException))]
    [InlineData("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", "org.apache.spark.sql.AnalysisException", typeof(AnalysisException))]
    [InlineData("INVALID_HANDLE.SESSION_CHANGED", "org.apache.spark.SparkSQLException", typeof(SessionChangedException))]
    [InlineData("INVALID_HANDLE.SESSION_CLOSED", "org.apache.spark.SparkSQLException", typeof(SessionClosedException))]
    [InlineData("ARITHMETIC_OVERFLOW", "org.apache.spark.SparkArithmeticException", typeof(SparkExecutionException))]
    [InlineData("DIVIDE_BY_ZERO", "org.apache.spark.SparkArithmeticException", typeof(SparkExecutionException))]
    [InlineData("CAST_INVALID_INPUT", "org.apache.spark.SparkNumberFormatException", typeof(SparkExecutionException))]
    [InlineData("FAILED_EXECUTE_UDF", "org.apache.spark.SparkException", typeof(SparkExecutionException))]
    [InlineData("INVALID_HANDLE.OPERATION_NOT_FOUND", "org.apache.spark.SparkSQLException", typeof(SparkServerException))]
    public void Convert_ErrorClass_MapsToExceptionType(string errorClass, string reason, Type expected)
    {
        RpcException rpc = RpcErrors.WithDetails(StatusCode.Internal, "failed", RpcErrors.SparkError(reason, errorClass: errorClass));

        SparkConnectException error = ErrorConverter.Convert(rpc, Endpoint, details: null);

        Assert.Equal(expected, error.GetType());
        Assert.Equal(errorClass, ((SparkServerException)error).ErrorClass);
    }

    [Fact]
    public void Convert_AnalysisExceptionInClassesOnly_IsAnalysisException()
    {
        RpcException rpc = RpcErrors.WithDetails(
            StatusCode.Internal,
            "ambiguous",
            RpcErrors.SparkError("org.apache.spark.sql.catalyst.ExtendedAnalysisException", errorClass: "AMBIGUOUS_REFERENCE", classes: """["org.apache.spark.sql.catalyst.ExtendedAnalysisException","org.apache.spark.sql.AnalysisException"]"""));

        Assert.IsType<AnalysisException>(ErrorConverter.Convert(rpc, Endpoint, details: null));
    }

    [Theory]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.PermissionDenied)]
    public void Convert_RefusedCredentials_IsSparkAuthenticationException(StatusCode code)
    {
        RpcException rpc = RpcErrors.Plain(code, "invalid bearer token");

        SparkConnectException error = ErrorConverter.Convert(rpc, Endpoint, details: null);

        Assert.IsType<SparkAuthenticationException>(error);
        Assert.Contains(Endpoint, error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid bearer token", error.Message, StringComparison.Ordinal);
        Assert.Same(rpc, error.InnerException);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public void Convert_Unreachable_IsSparkConnectionExceptionNamingEndpoint(StatusCode code)
    {
        RpcException rpc = RpcErrors.Plain(code, "connect failed");

        SparkConnectionException error = Assert.IsType<SparkConnectionException>(ErrorConverter.Convert(rpc, Endpoint, details: null));

        Assert.Equal(Endpoint, error.Endpoint);
        Assert.StartsWith($"Could not reach the Spark Connect server at {Endpoint} (", error.Message, StringComparison.Ordinal);
        Assert.Same(rpc, error.InnerException);
    }

    [Fact]
    public void Unreachable_AfterRetries_SaysHowMany()
    {
        SparkConnectionException error = ErrorConverter.Unreachable(RpcErrors.Plain(StatusCode.Unavailable, "down"), Endpoint, 15);
        Assert.StartsWith($"Could not reach the Spark Connect server at {Endpoint} after 15 retries (Unavailable: down).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_NoDetails_KeepsStatusAndMessage()
    {
        RpcException rpc = RpcErrors.Plain(StatusCode.InvalidArgument, "plan is empty");

        SparkConnectException error = ErrorConverter.Convert(rpc, Endpoint, details: null);

        Assert.Equal(typeof(SparkConnectException), error.GetType());
        Assert.Equal($"Spark Connect call to {Endpoint} failed with InvalidArgument: plan is empty", error.Message);
        Assert.Same(rpc, error.InnerException);
    }

    [Fact]
    public void Convert_GarbageDetailsTrailer_KeepsOriginalError()
    {
        RpcException rpc = RpcErrors.WithTrailer(StatusCode.Internal, "[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012", [0xFF, 0xFF, 0xFF]);

        SparkConnectException error = ErrorConverter.Convert(rpc, Endpoint, details: null);

        Assert.Equal(typeof(SparkConnectException), error.GetType());
        Assert.Contains("[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012", error.Message, StringComparison.Ordinal);
        Assert.Same(rpc, error.InnerException);
    }

    [Fact]
    public void Convert_InvalidJsonMetadata_KeepsErrorClassAndMessage()
    {
        RpcException rpc = RpcErrors.WithDetails(
            StatusCode.Internal,
            "A column `x` cannot be resolved.",
            RpcErrors.SparkError(
                "org.apache.spark.sql.AnalysisException",
                errorClass: "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION",
                sqlState: "42703",
                messageParameters: "{\"objectName\": ",
                classes: "[not json"));

        ColumnNotFoundException error = Assert.IsType<ColumnNotFoundException>(ErrorConverter.Convert(rpc, Endpoint, details: null));

        Assert.Equal("[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column `x` cannot be resolved. SQLSTATE: 42703", error.Message);
        Assert.Empty(error.MessageParameters);
        Assert.Empty(error.Info.ExceptionClasses);
    }

    [Fact]
    public void Convert_WithFetchedDetails_UsesRootMessageCausesAndStackTrace()
    {
        RpcException rpc = RpcErrors.WithDetails(
            StatusCode.Internal,
            "[TABLE_OR_VIEW_NOT_FOUND] The table or view `sal... (truncated)",
            RpcErrors.SparkError("org.apache.spark.sql.AnalysisException", errorClass: "TABLE_OR_VIEW_NOT_FOUND", errorId: "e-42"));
        Proto.FetchErrorDetailsResponse details = TableNotFoundDetails();

        SparkConnectException error = ErrorConverter.Convert(rpc, Endpoint, details);

        TableOrViewNotFoundException tableError = Assert.IsType<TableOrViewNotFoundException>(error);
        Assert.Equal("[TABLE_OR_VIEW_NOT_FOUND] The table or view `sales` cannot be found. SQLSTATE: 42P01", tableError.Message);
        Assert.Equal("42P01", tableError.SqlState);
        Assert.Equal("e-42", tableError.ErrorId);
        Assert.Equal(["org.apache.spark.sql.AnalysisException", "java.lang.Exception"], tableError.Info.ExceptionClasses);
        Assert.Equal(
            "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `sales` cannot be found. SQLSTATE: 42P01\n"
            + "\tat org.apache.spark.sql.catalyst.analysis.Analyzer.resolve(Analyzer.scala:120)\n"
            + "\tat org.apache.spark.sql.Dataset.ofRows(Unknown Source:0)\n"
            + "Caused by: java.io.FileNotFoundException: sales\n"
            + "\tat org.apache.hadoop.fs.FileSystem.open(FileSystem.java:7)\n",
            tableError.ServerStackTrace!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Convert_FetchedThrowableParameters_FillMissingMetadataParameters()
    {
        RpcException rpc = RpcErrors.WithDetails(
            StatusCode.Internal,
            "truncated",
            RpcErrors.SparkError("org.apache.spark.sql.AnalysisException", errorClass: "TABLE_OR_VIEW_NOT_FOUND", errorId: "e-42"));

        var error = (SparkServerException)ErrorConverter.Convert(rpc, Endpoint, TableNotFoundDetails());

        Assert.Equal("`sales`", error.MessageParameters["relationName"]);
    }

    [Fact]
    public void Convert_FetchedDetailsWithCauseCycle_StopsAfterEachError()
    {
        var details = new Proto.FetchErrorDetailsResponse { RootErrorIdx = 0 };
        details.Errors.Add(Error("org.apache.spark.SparkException", "outer", causeIdx: 1));
        details.Errors.Add(Error("java.lang.RuntimeException", "inner", causeIdx: 0));
        RpcException rpc = RpcErrors.WithDetails(StatusCode.Internal, "outer", RpcErrors.SparkError("org.apache.spark.SparkException", errorId: "e-1"));

        var error = (SparkServerException)ErrorConverter.Convert(rpc, Endpoint, details);

        Assert.Equal(
            "org.apache.spark.SparkException: outer\nCaused by: java.lang.RuntimeException: inner\n",
            error.ServerStackTrace!.ReplaceLineEndings("\n"));
    }

    private static Proto.FetchErrorDetailsResponse TableNotFoundDetails()
    {
        var root = Error(
            "org.apache.spark.sql.AnalysisException",
            "[TABLE_OR_VIEW_NOT_FOUND] The table or view `sales` cannot be found. SQLSTATE: 42P01",
            causeIdx: 1);
        root.ErrorTypeHierarchy.Add("java.lang.Exception");
        root.StackTrace.Add(new Proto.FetchErrorDetailsResponse.Types.StackTraceElement
        {
            DeclaringClass = "org.apache.spark.sql.catalyst.analysis.Analyzer",
            MethodName = "resolve",
            FileName = "Analyzer.scala",
            LineNumber = 120,
        });
        root.StackTrace.Add(new Proto.FetchErrorDetailsResponse.Types.StackTraceElement
        {
            DeclaringClass = "org.apache.spark.sql.Dataset",
            MethodName = "ofRows",
            LineNumber = 0,
        });
        root.SparkThrowable = new Proto.FetchErrorDetailsResponse.Types.SparkThrowable { ErrorClass = "TABLE_OR_VIEW_NOT_FOUND", SqlState = "42P01" };
        root.SparkThrowable.MessageParameters.Add("relationName", "`sales`");

        var cause = Error("java.io.FileNotFoundException", "sales", causeIdx: null);
        cause.StackTrace.Add(new Proto.FetchErrorDetailsResponse.Types.StackTraceElement
        {
            DeclaringClass = "org.apache.hadoop.fs.FileSystem",
            MethodName = "open",
            FileName = "FileSystem.java",
            LineNumber = 7,
        });

        var details = new Proto.FetchErrorDetailsResponse { RootErrorIdx = 0 };
        details.Errors.Add(root);
        details.Errors.Add(cause);
        return details;
    }

    private static Proto.FetchErrorDetailsResponse.Types.Error Error(string type, string message, int? causeIdx)
    {
        var error = new Proto.FetchErrorDetailsResponse.Types.Error { Message = message };
        error.ErrorTypeHierarchy.Add(type);
        if (causeIdx is { } idx)
        {
            error.CauseIdx = idx;
        }

        return error;
    }
}
