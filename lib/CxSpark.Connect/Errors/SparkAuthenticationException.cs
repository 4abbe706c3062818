namespace CxSpark.Connect.Errors;

/// <summary>The server refused the client's credentials (a missing or wrong token).</summary>
public sealed class SparkAuthenticationException : SparkConnectException
{
    /// <summary>Initializes a new instance.</summary>
    public SparkAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
