namespace CxSpark.Connect.Errors;

/// <summary>The base of every error raised by the Spark Connect client.</summary>
public class SparkConnectException : Exception
{
    /// <summary>Initializes a new instance with a message.</summary>
    public SparkConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    public SparkConnectException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
