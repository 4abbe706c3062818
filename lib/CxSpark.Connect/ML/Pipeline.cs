using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML;

/// <summary>A sequence of stages fitted in order, as <c>org.apache.spark.ml.Pipeline</c>: estimators are fitted, transformers applied.</summary>
/// <remarks>
/// The stages are fitted one by one from the client: each estimator is fitted on the frame transformed by the
/// stages before it. The resulting <see cref="PipelineModel"/> owns the models fitted here and deletes them when disposed.
/// </remarks>
/// <example>
/// <code>
/// var pipeline = new Pipeline { Stages = { new VectorAssembler { InputCols = ["x", "y"], OutputCol = "raw" },
///     new StandardScaler { InputCol = "raw", OutputCol = "features" }, new KMeans { K = 3 } } };
/// await using PipelineModel model = await pipeline.FitAsync(points);
/// DataFrame clustered = model.Transform(points);
/// </code>
/// </example>
public sealed class Pipeline : Estimator<PipelineModel>
{
    /// <summary>Initializes a new instance with a generated uid and no stages.</summary>
    public Pipeline()
        : base(null)
    {
    }

    /// <summary>Gets the stages, in order.</summary>
    public IList<PipelineStage> Stages { get; } = new List<PipelineStage>();

    internal override string ClassName => "org.apache.spark.ml.Pipeline";

    /// <summary>Fits the estimators in order and returns the model of all stages.</summary>
    /// <exception cref="Errors.MLException">A stage failed to fit; models fitted before it are deleted.</exception>
    public override async Task<PipelineModel> FitAsync(DataFrame dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        int lastEstimator = -1;
        for (int i = 0; i < Stages.Count; i++)
        {
            lastEstimator = Stages[i] switch
            {
                null => throw new InvalidOperationException($"Pipeline stage {i} is null."),
                Transformer => lastEstimator,
                _ => i,
            };
        }

        var fitted = new List<Transformer>();
        var owned = new List<Model>();
        DataFrame current = dataset;
        try
        {
            for (int i = 0; i < Stages.Count; i++)
            {
                Transformer stage = await Stages[i].FitStageAsync(current, cancellationToken).ConfigureAwait(false);
                if (!ReferenceEquals(stage, Stages[i]) && stage is Model model)
                {
                    owned.Add(model);
                }

                fitted.Add(stage);
                if (i < lastEstimator)
                {
                    current = stage.Transform(current);
                }
            }
        }
        catch
        {
            foreach (Model model in owned)
            {
                await model.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new PipelineModel(Uid, fitted, owned);
    }

    /// <summary>Not supported: Spark Connect cannot send a pipeline's stages as a param; save the fitted stages instead.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override Task SaveAsync(SparkSession spark, string path, bool overwrite = false, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Saving a Pipeline is not supported over Spark Connect by this client; save its stages one by one.");

    internal override PipelineModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) =>
        throw new NotSupportedException("A Pipeline is fitted stage by stage.");
}
