namespace CxSpark.Connect.Errors;

/// <summary>What the Spark server said about a failed request.</summary>
/// <param name="Message">The error message, complete when details were fetched.</param>
/// <param name="ErrorClass">Spark's error condition, such as <c>UNRESOLVED_COLUMN.WITH_SUGGESTION</c>.</param>
/// <param name="SqlState">The SQLSTATE.</param>
/// <param name="MessageParameters">The parameters of the error message.</param>
/// <param name="ExceptionClass">The JVM exception class.</param>
/// <param name="ExceptionClasses">The JVM class hierarchy of the exception, most specific first.</param>
/// <param name="ErrorId">The server's id for the error.</param>
/// <param name="ServerStackTrace">The server's stack trace, with causes, when available.</param>
/// <param name="StatusCode">The name of the gRPC status of the failed call.</param>
public sealed record SparkErrorInfo(
    string Message,
    string? ErrorClass,
    string? SqlState,
    IReadOnlyDictionary<string, string> MessageParameters,
    string? ExceptionClass,
    IReadOnlyList<string> ExceptionClasses,
    string? ErrorId,
    string? ServerStackTrace,
    string StatusCode);
