using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML;

/// <summary>A fitted <see cref="Pipeline"/>: transformers and fitted models applied in order.</summary>
public sealed class PipelineModel : Transformer, IAsyncDisposable
{
    private readonly IReadOnlyList<Model> _owned;

    internal PipelineModel(string uid, IReadOnlyList<Transformer> stages, IReadOnlyList<Model> owned)
        : base(uid)
    {
        Stages = stages;
        _owned = owned;
    }

    /// <summary>Gets the fitted stages, in order.</summary>
    public IReadOnlyList<Transformer> Stages { get; }

    internal override string ClassName => "org.apache.spark.ml.PipelineModel";

    /// <summary>Returns the frame transformed by every stage in order; lazy.</summary>
    public override DataFrame Transform(DataFrame dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        DataFrame current = dataset;
        foreach (Transformer stage in Stages)
        {
            current = stage.Transform(current);
        }

        return current;
    }

    /// <summary>Deletes the models this pipeline fitted from the server.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (Model model in _owned)
        {
            await model.DisposeAsync().ConfigureAwait(false);
        }
    }
}
