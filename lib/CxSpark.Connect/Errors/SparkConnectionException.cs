namespace CxSpark.Connect.Errors;

/// <summary>The Spark Connect server could not be reached, or stopped answering, and retries were exhausted.</summary>
public sealed class SparkConnectionException : SparkConnectException
{
    /// <summary>Initializes a new instance.</summary>
    public SparkConnectionException(string message, string endpoint, Exception? innerException)
        : base(message, innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>Gets the <c>sc://</c> address that was tried (token masked).</summary>
    public string Endpoint { get; }
}
