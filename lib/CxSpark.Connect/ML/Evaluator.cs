using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>Computes a metric of a transformed DataFrame, such as RMSE or the silhouette.</summary>
public abstract class Evaluator : Params
{
    private protected Evaluator(string? uid)
        : base(uid)
    {
    }

    /// <summary>Gets a value indicating whether a larger metric is better (false for errors such as <c>rmse</c>).</summary>
    public virtual bool IsLargerBetter => true;

    /// <summary>Evaluates the frame on the server and returns the metric.</summary>
    /// <exception cref="Errors.MLException">Spark refused the params or the data.</exception>
    public async Task<double> EvaluateAsync(DataFrame dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var evaluate = new Proto.MlCommand.Types.Evaluate
        {
            Evaluator = MLCommands.Operator(this, Proto.MlOperator.Types.OperatorType.Evaluator),
            Params = ToProto(),
            Dataset = dataset.Relation,
        };
        Proto.MlCommandResult result = await MLCommands.ExecuteAsync(dataset.Session, new Proto.MlCommand { Evaluate = evaluate }, this, "evaluate", cancellationToken).ConfigureAwait(false);
        return result.Param is { } literal
            ? Convert.ToDouble(Plans.LiteralConverter.FromLiteral(literal), System.Globalization.CultureInfo.InvariantCulture)
            : throw new Errors.SparkConnectException($"{GetType().Name} evaluate returned no metric.");
    }
}
