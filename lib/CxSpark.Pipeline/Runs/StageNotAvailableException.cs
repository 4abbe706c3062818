namespace CxSpark.Pipeline.Runs;

/// <summary>A stage that this build cannot run yet (recommend and segment wait for the MLlib layer).</summary>
public sealed class StageNotAvailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="stage"/>.</summary>
    public StageNotAvailableException(string stage)
        : base($"The '{stage}' stage is not yet available: it needs the CxSpark MLlib layer (ALS, KMeans), which has not landed in this build.")
    {
        Stage = stage;
    }

    /// <summary>The stage name.</summary>
    public string Stage { get; }
}
