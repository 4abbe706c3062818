using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML;

/// <summary>A stage of a <see cref="Pipeline"/>: an estimator or a transformer.</summary>
public abstract class PipelineStage : Params
{
    private protected PipelineStage(string? uid)
        : base(uid)
    {
    }

    /// <summary>Fits the stage (an estimator) or returns it as it is (a transformer).</summary>
    internal abstract Task<Transformer> FitStageAsync(DataFrame dataset, CancellationToken cancellationToken);
}
