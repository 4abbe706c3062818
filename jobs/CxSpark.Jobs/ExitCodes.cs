namespace CxSpark.Jobs;

/// <summary>The documented exit codes of <c>cxspark</c>.</summary>
public static class ExitCodes
{
    /// <summary>The job finished.</summary>
    public const int Ok = 0;

    /// <summary>Bad command line, configuration or input data (contract violation, missing table).</summary>
    public const int BadInput = 2;

    /// <summary>Spark could not be reached or started.</summary>
    public const int SparkUnavailable = 3;

    /// <summary>The job failed while running (Spark error, invariant violation, stage not available).</summary>
    public const int JobFailed = 4;

    /// <summary>Another run holds the output's lock; nothing was read or written.</summary>
    public const int OutputLocked = 5;

    /// <summary>A data-quality gate failed (or the input left nothing to profile): nothing was published.</summary>
    public const int QualityGateFailed = 6;

    /// <summary>Stopped by SIGINT (Ctrl-C): Spark's operations interrupted, nothing published, manifest <c>cancelled</c>.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (a scheduler, Kubernetes, systemd): as <see cref="Interrupted"/>.</summary>
    public const int Terminated = 143;
}
