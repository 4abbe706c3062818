using CxSpark.Connect.ML.Linalg;
using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>Loads saved estimators and models through <c>MlCommand.read</c>.</summary>
internal static class MLReader
{
    /// <summary>Loads a model into the server's ML cache and returns a handle with the saved uid and params.</summary>
    internal static async Task<TModel> LoadModelAsync<TModel>(
        SparkSession spark, string path, string className, Func<SparkSession, string, string, TModel> create, CancellationToken cancellationToken)
        where TModel : Model
    {
        Proto.MlCommandResult.Types.MlOperatorInfo info = await ReadAsync(spark, path, className, Proto.MlOperator.Types.OperatorType.Model, cancellationToken).ConfigureAwait(false);
        string id = info.ObjRef?.Id ?? throw new Errors.SparkConnectException($"Loading {className} from {path} returned no model reference.");
        TModel model = create(spark, id, info.HasUid ? info.Uid : className);
        model.CopyDeclaredParams(Values(info.Params));
        return model;
    }

    /// <summary>Loads an estimator's uid and params.</summary>
    internal static async Task<T> LoadEstimatorAsync<T>(SparkSession spark, string path, Func<string, T> create, CancellationToken cancellationToken)
        where T : Params
    {
        T probe = create(string.Empty);
        Proto.MlCommandResult.Types.MlOperatorInfo info = await ReadAsync(spark, path, probe.ClassName, Proto.MlOperator.Types.OperatorType.Estimator, cancellationToken).ConfigureAwait(false);
        T estimator = create(info.Uid);
        estimator.CopyDeclaredParams(Values(info.Params));
        return estimator;
    }

    private static async Task<Proto.MlCommandResult.Types.MlOperatorInfo> ReadAsync(
        SparkSession spark, string path, string className, Proto.MlOperator.Types.OperatorType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spark);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var read = new Proto.MlCommand.Types.Read { Operator = new Proto.MlOperator { Name = className, Type = type }, Path = path };
        string name = className[(className.LastIndexOf('.') + 1)..];
        Proto.MlCommandResult result = await MLCommands.ExecuteAsync(spark, new Proto.MlCommand { Read = read }, null, $"load from {path}", cancellationToken, name).ConfigureAwait(false);
        return result.OperatorInfo ?? throw new Errors.SparkConnectException($"Loading {name} from {path} returned nothing.");
    }

    private static IEnumerable<KeyValuePair<string, object>> Values(Proto.MlParams? values)
    {
        if (values is null)
        {
            yield break;
        }

        foreach ((string name, Proto.Expression.Types.Literal literal) in values.Params)
        {
            if (LinalgLiterals.FromLiteral(literal) is { } value)
            {
                yield return new(name, value is object?[] items && items.All(i => i is string) ? items.Cast<string>().ToArray() : value);
            }
        }
    }
}
