namespace CxSpark.Jobs.Hosting;

/// <summary>No Spark Connect server could be reached or started (exit code 3).</summary>
public sealed class SparkUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SparkUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
