namespace CxSpark.Connect.Errors;

/// <summary>Spark could not parse a SQL text or expression.</summary>
public sealed class ParseException : AnalysisException
{
    /// <summary>Initializes a new instance from the server's error information.</summary>
    public ParseException(SparkErrorInfo info, Exception? innerException)
        : base(info, innerException)
    {
    }
}
