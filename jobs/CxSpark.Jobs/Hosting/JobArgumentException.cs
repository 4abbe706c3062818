namespace CxSpark.Jobs.Hosting;

/// <summary>A command-line value the parser accepted but the job cannot use (exit code 2).</summary>
public sealed class JobArgumentException : Exception
{
    /// <summary>Creates the exception with a message naming the option.</summary>
    public JobArgumentException(string message)
        : base(message)
    {
    }
}
