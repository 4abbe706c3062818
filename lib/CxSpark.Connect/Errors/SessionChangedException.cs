namespace CxSpark.Connect.Errors;

/// <summary>The server restarted or lost the session, and with it every temporary view, cached model and setting.</summary>
public sealed class SessionChangedException : SparkServerException
{
    /// <summary>Initializes a new instance from the server's error information.</summary>
    public SessionChangedException(SparkErrorInfo info, Exception? innerException)
        : base(info, innerException)
    {
    }
}
