using System.Text;

namespace CxSpark.Connect.Errors;

/// <summary>An error the Spark server raised while analysing or running a request.</summary>
/// <remarks>
/// The message reads <c>[ERROR_CLASS] message SQLSTATE: xxxxx</c>, as Spark prints it. When the server keeps
/// details (<c>spark.sql.connect.enrichError.enabled</c>, on by default) the full message, the cause chain and
/// the server's stack trace are fetched with <c>FetchErrorDetails</c>.
/// </remarks>
public class SparkServerException : SparkConnectException
{
    /// <summary>Initializes a new instance from the server's error information.</summary>
    public SparkServerException(SparkErrorInfo info, Exception? innerException)
        : base(Format(info), innerException)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
    }

    /// <summary>Gets the server's error information.</summary>
    public SparkErrorInfo Info { get; }

    /// <summary>Gets Spark's error condition, such as <c>TABLE_OR_VIEW_NOT_FOUND</c>.</summary>
    public string? ErrorClass => Info.ErrorClass;

    /// <summary>Gets the SQLSTATE of the error.</summary>
    public string? SqlState => Info.SqlState;

    /// <summary>Gets the parameters of the error message.</summary>
    public IReadOnlyDictionary<string, string> MessageParameters => Info.MessageParameters;

    /// <summary>Gets the server's id of this error, the key for fetching its details.</summary>
    public string? ErrorId => Info.ErrorId;

    /// <summary>Gets the JVM exception class, such as <c>org.apache.spark.sql.AnalysisException</c>.</summary>
    public string? ExceptionClass => Info.ExceptionClass;

    /// <summary>Gets the server's stack trace, when the server sent one.</summary>
    public string? ServerStackTrace => Info.ServerStackTrace;

    /// <summary>Gets the name of the gRPC status the call ended with.</summary>
    public string StatusCode => Info.StatusCode;

    private static string Format(SparkErrorInfo info)
    {
        var text = new StringBuilder();
        if (info.ErrorClass is not null && !info.Message.StartsWith('['))
        {
            text.Append('[').Append(info.ErrorClass).Append("] ");
        }

        text.Append(info.Message.TrimEnd());
        if (info.SqlState is not null && !info.Message.Contains("SQLSTATE", StringComparison.Ordinal))
        {
            text.Append(" SQLSTATE: ").Append(info.SqlState);
        }

        return text.ToString();
    }
}
