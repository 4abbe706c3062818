namespace CxSpark.Connect.Errors;

/// <summary>A query failed while running on the cluster (a task or stage failure, or a runtime error such as an overflow).</summary>
public sealed class SparkExecutionException : SparkServerException
{
    /// <summary>Initializes a new instance from the server's error information.</summary>
    public SparkExecutionException(SparkErrorInfo info, Exception? innerException)
        : base(info, innerException)
    {
    }
}
