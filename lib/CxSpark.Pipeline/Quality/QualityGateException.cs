namespace CxSpark.Pipeline.Quality;

/// <summary>A data-quality gate failed: the run publishes nothing (exit 6).</summary>
public sealed class QualityGateException : Exception
{
    /// <summary>Creates the exception from the blocking verdicts.</summary>
    public QualityGateException(IReadOnlyList<GateVerdict> failed)
        : base("quality gate failed, nothing published: " + string.Join("; ", failed.Select(v => v.Message)))
    {
        Failed = failed;
    }

    /// <summary>The verdicts that stopped the run.</summary>
    public IReadOnlyList<GateVerdict> Failed { get; }
}
