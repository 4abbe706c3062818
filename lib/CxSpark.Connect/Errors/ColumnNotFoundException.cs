namespace CxSpark.Connect.Errors;

/// <summary>A query names a column that its input does not have.</summary>
public sealed class ColumnNotFoundException : AnalysisException
{
    /// <summary>Initializes a new instance from the server's error information.</summary>
    public ColumnNotFoundException(SparkErrorInfo info, Exception? innerException)
        : base(info, innerException)
    {
    }
}
