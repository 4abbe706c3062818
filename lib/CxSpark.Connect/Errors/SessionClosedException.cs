namespace CxSpark.Connect.Errors;

/// <summary>The server session was closed or released; create a new session.</summary>
public sealed class SessionClosedException : SparkServerException
{
    /// <summary>Initializes a new instance from the server's error information.</summary>
    public SessionClosedException(SparkErrorInfo info, Exception? innerException)
        : base(info, innerException)
    {
    }
}
