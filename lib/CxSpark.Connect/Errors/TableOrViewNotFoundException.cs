namespace CxSpark.Connect.Errors;

/// <summary>A query names a table or view that does not exist.</summary>
public sealed class TableOrViewNotFoundException : AnalysisException
{
    /// <summary>Initializes a new instance from the server's error information.</summary>
    public TableOrViewNotFoundException(SparkErrorInfo info, Exception? innerException)
        : base(info, innerException)
    {
    }
}
