namespace CxSpark.Connect.Errors;

/// <summary>Spark could not analyse a query (an unknown table, column or function, a type mismatch, a syntax error).</summary>
public class AnalysisException : SparkServerException
{
    /// <summary>Initializes a new instance from the server's error information.</summary>
    public AnalysisException(SparkErrorInfo info, Exception? innerException)
        : base(info, innerException)
    {
    }
}
