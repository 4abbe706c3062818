using System.Text;
using CxSpark.Connect.Errors;
using Google.Rpc;
using Grpc.Core;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Client;

/// <summary>Turns a failed gRPC call into the <see cref="SparkConnectException"/> family.</summary>
internal static class ErrorConverter
{
    // Spark's runtime errors (ANSI arithmetic, casts, datetimes) are SparkThrowables outside SparkException.
    private static readonly HashSet<string> s_runtimeClasses = new(StringComparer.Ordinal)
    {
        "org.apache.spark.SparkException",
        "org.apache.spark.SparkArithmeticException",
        "org.apache.spark.SparkNumberFormatException",
        "org.apache.spark.SparkDateTimeException",
        "org.apache.spark.SparkRuntimeException",
        "org.apache.spark.SparkArrayIndexOutOfBoundsException",
    };

    internal static SparkConnectException Convert(RpcException exception, string endpoint, Proto.FetchErrorDetailsResponse? details)
    {
        switch (exception.StatusCode)
        {
            case StatusCode.Unauthenticated:
            case StatusCode.PermissionDenied:
                return new SparkAuthenticationException(
                    $"The Spark Connect server at {endpoint} refused the credentials: {exception.Status.Detail}. Check the token in the connection string.",
                    exception);
            case StatusCode.Unavailable:
            case StatusCode.DeadlineExceeded:
                return Unreachable(exception, endpoint, 0);
        }

        ErrorInfo? info = ErrorDetails.GetErrorInfo(exception);
        if (info is null)
        {
            return new SparkConnectException(
                $"Spark Connect call to {endpoint} failed with {exception.StatusCode}: {exception.Status.Detail}", exception);
        }

        SparkErrorInfo error = ToErrorInfo(exception, info, details);
        return Classify(error, exception);
    }

    internal static SparkConnectionException Unreachable(RpcException exception, string endpoint, int retries)
    {
        string retried = retries > 0 ? $" after {retries} retries" : string.Empty;
        return new SparkConnectionException(
            $"Could not reach the Spark Connect server at {endpoint}{retried} ({exception.StatusCode}: {exception.Status.Detail}). "
            + "Is a server running there? Start a local one with scripts/spark-server.sh start, or set SPARK_REMOTE to a running server.",
            endpoint,
            exception);
    }

    internal static SparkServerException Classify(SparkErrorInfo error, Exception inner)
    {
        string errorClass = error.ErrorClass ?? string.Empty;
        bool isAnalysis = error.ExceptionClasses.Contains("org.apache.spark.sql.AnalysisException")
            || error.ExceptionClass == "org.apache.spark.sql.AnalysisException";
        return errorClass switch
        {
            _ when errorClass.StartsWith("INVALID_HANDLE.SESSION_CHANGED", StringComparison.Ordinal) => new SessionChangedException(error, inner),
            _ when errorClass.StartsWith("INVALID_HANDLE.SESSION_CLOSED", StringComparison.Ordinal) => new SessionClosedException(error, inner),
            _ when errorClass.StartsWith("TABLE_OR_VIEW_NOT_FOUND", StringComparison.Ordinal)
                || errorClass.StartsWith("PATH_NOT_FOUND", StringComparison.Ordinal) => new TableOrViewNotFoundException(error, inner),
            _ when errorClass.StartsWith("UNRESOLVED_COLUMN", StringComparison.Ordinal)
                || errorClass.StartsWith("FIELD_NOT_FOUND", StringComparison.Ordinal) => new ColumnNotFoundException(error, inner),
            _ when errorClass.StartsWith("PARSE_", StringComparison.Ordinal)
                || error.ExceptionClass == "org.apache.spark.sql.catalyst.parser.ParseException" => new ParseException(error, inner),
            _ when isAnalysis => new AnalysisException(error, inner),
            _ when IsExecutionFailure(error) => new SparkExecutionException(error, inner),
            _ => new SparkServerException(error, inner),
        };
    }

    private static bool IsExecutionFailure(SparkErrorInfo error)
    {
        string errorClass = error.ErrorClass ?? string.Empty;
        return error.ExceptionClasses.Append(error.ExceptionClass ?? string.Empty).Any(s_runtimeClasses.Contains)
            || errorClass.StartsWith("DIVIDE_BY_ZERO", StringComparison.Ordinal)
            || errorClass.StartsWith("ARITHMETIC", StringComparison.Ordinal)
            || errorClass.StartsWith("CAST_", StringComparison.Ordinal);
    }

    private static SparkErrorInfo ToErrorInfo(RpcException exception, ErrorInfo info, Proto.FetchErrorDetailsResponse? details)
    {
        info.Metadata.TryGetValue("errorClass", out string? errorClass);
        info.Metadata.TryGetValue("sqlState", out string? sqlState);
        info.Metadata.TryGetValue("errorId", out string? errorId);
        info.Metadata.TryGetValue("stackTrace", out string? stackTrace);
        info.Metadata.TryGetValue("messageParameters", out string? parameters);
        info.Metadata.TryGetValue("classes", out string? classes);
        IReadOnlyList<string> hierarchy = ErrorDetails.ParseClasses(classes);
        IReadOnlyDictionary<string, string> messageParameters = ErrorDetails.ParseParameters(parameters);
        string message = exception.Status.Detail;

        if (details is not null && details.Errors.Count > 0)
        {
            Proto.FetchErrorDetailsResponse.Types.Error root = details.Errors[details.HasRootErrorIdx ? details.RootErrorIdx : 0];
            message = root.Message;
            if (root.SparkThrowable is { } throwable)
            {
                errorClass = throwable.HasErrorClass ? throwable.ErrorClass : errorClass;
                sqlState = throwable.HasSqlState ? throwable.SqlState : sqlState;

                // The server leaves parameters out of the size-capped metadata when they are large.
                if (messageParameters.Count == 0 && throwable.MessageParameters.Count > 0)
                {
                    messageParameters = throwable.MessageParameters.ToDictionary(kv => kv.Key, kv => kv.Value);
                }
            }

            hierarchy = root.ErrorTypeHierarchy.Count > 0 ? root.ErrorTypeHierarchy.ToList() : hierarchy;
            stackTrace = FormatStackTrace(details, root) ?? stackTrace;
        }

        return new SparkErrorInfo(
            message,
            string.IsNullOrEmpty(errorClass) ? null : errorClass,
            string.IsNullOrEmpty(sqlState) ? null : sqlState,
            messageParameters,
            string.IsNullOrEmpty(info.Reason) ? hierarchy.FirstOrDefault() : info.Reason,
            hierarchy,
            errorId,
            stackTrace,
            exception.StatusCode.ToString());
    }

    private static string? FormatStackTrace(Proto.FetchErrorDetailsResponse details, Proto.FetchErrorDetailsResponse.Types.Error root)
    {
        var text = new StringBuilder();
        Proto.FetchErrorDetailsResponse.Types.Error? error = root;
        for (int depth = 0; error is not null && depth < details.Errors.Count; depth++)
        {
            if (depth > 0)
            {
                text.Append("Caused by: ");
            }

            text.Append(error.ErrorTypeHierarchy.FirstOrDefault() ?? "error").Append(": ").AppendLine(error.Message);
            foreach (Proto.FetchErrorDetailsResponse.Types.StackTraceElement frame in error.StackTrace)
            {
                text.Append("\tat ").Append(frame.DeclaringClass).Append('.').Append(frame.MethodName)
                    .Append('(').Append(frame.HasFileName ? frame.FileName : "Unknown Source").Append(':')
                    .Append(frame.LineNumber).AppendLine(")");
            }

            error = error.HasCauseIdx && error.CauseIdx < details.Errors.Count ? details.Errors[error.CauseIdx] : null;
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
