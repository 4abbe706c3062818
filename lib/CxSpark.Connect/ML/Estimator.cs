using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>Learns a <typeparamref name="TModel"/> from a DataFrame: a JVM class, a uid and the params set here.</summary>
/// <typeparam name="TModel">The fitted model.</typeparam>
public abstract class Estimator<TModel> : PipelineStage
    where TModel : Transformer
{
    private protected Estimator(string? uid)
        : base(uid)
    {
    }

    /// <summary>Fits the estimator on the server and returns a handle to the model kept there.</summary>
    /// <remarks>Dispose the model with <c>await using</c> to free it on the server.</remarks>
    /// <exception cref="Errors.MLException">Spark refused the params or the data.</exception>
    public virtual async Task<TModel> FitAsync(DataFrame dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        string id = await MLCommands.FitAsync(this, dataset, cancellationToken).ConfigureAwait(false);
        TModel model = CreateModel(dataset.Session, id, dataset);
        model.CopyDeclaredParams(ParamValues);
        return model;
    }

    /// <summary>Saves the estimator and its params to a path the server can write (<c>estimator.write().save(path)</c>).</summary>
    public virtual async Task SaveAsync(SparkSession spark, string path, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spark);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var write = new Proto.MlCommand.Types.Write
        {
            Operator = MLCommands.Operator(this, Proto.MlOperator.Types.OperatorType.Estimator),
            Params = ToProto(),
            Path = path,
            ShouldOverwrite = overwrite,
        };
        await MLCommands.ExecuteAsync(spark, new Proto.MlCommand { Write = write }, this, $"save to {path}", cancellationToken).ConfigureAwait(false);
    }

    internal abstract TModel CreateModel(SparkSession session, string objectId, DataFrame trainingData);

    internal override async Task<Transformer> FitStageAsync(DataFrame dataset, CancellationToken cancellationToken) =>
        await FitAsync(dataset, cancellationToken).ConfigureAwait(false);
}
