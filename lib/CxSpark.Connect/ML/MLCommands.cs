using System.Text.RegularExpressions;
using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>Builds and runs <c>MlCommand</c>s, adding MLlib context to the server's errors.</summary>
internal static partial class MLCommands
{
    internal static Proto.MlOperator Operator(Params stage, Proto.MlOperator.Types.OperatorType type) =>
        new() { Name = stage.ClassName, Uid = stage.Uid, Type = type };

    internal static Proto.ObjectRef Ref(string id) => new() { Id = id };

    /// <summary>Fits an estimator on the server and returns the cache id of the model.</summary>
    internal static async Task<string> FitAsync(Params estimator, DataFrame dataset, CancellationToken cancellationToken)
    {
        var fit = new Proto.MlCommand.Types.Fit
        {
            Estimator = Operator(estimator, Proto.MlOperator.Types.OperatorType.Estimator),
            Params = estimator.ToProto(),
            Dataset = dataset.Relation,
        };
        Proto.MlCommandResult result = await ExecuteAsync(dataset.Session, new Proto.MlCommand { Fit = fit }, estimator, "fit", cancellationToken).ConfigureAwait(false);
        return result.OperatorInfo?.ObjRef?.Id
            ?? throw new SparkConnectException($"{estimator.GetType().Name} fit returned no model reference.");
    }

    internal static async Task<Proto.MlCommandResult> ExecuteAsync(
        SparkSession session, Proto.MlCommand command, Params? stage, string action, CancellationToken cancellationToken, string? operatorName = null)
    {
        try
        {
            List<Proto.ExecutePlanResponse> responses = await session.ExecuteCommandAsync(new Proto.Command { MlCommand = command }, cancellationToken).ConfigureAwait(false);
            return responses.Select(r => r.MlCommandResult).LastOrDefault(r => r is not null) ?? new Proto.MlCommandResult();
        }
        catch (SparkServerException error) when (error is not MLException)
        {
            throw Wrap(error, stage, action, operatorName);
        }
    }

    /// <summary>Adds the operator, the action and (when the server names one) the param and its value to a server error.</summary>
    internal static MLException Wrap(SparkServerException error, Params? stage, string action, string? operatorName = null)
    {
        string name = operatorName ?? stage?.GetType().Name ?? "MLlib";
        string text = error.Info.Message;
        foreach (Regex pattern in new[] { InvalidValue(), UnknownParam(), FailedParam() })
        {
            Match match = pattern.Match(text);
            if (match.Success)
            {
                string param = match.Groups["param"].Value;
                return new MLException(error, name, action, param, stage?.GetParam(param));
            }
        }

        // A failed cast names no param; only params without a typed property can have the wrong type.
        string[] untyped = stage?.UncheckedParamNames.ToArray() ?? [];
        if (text.Contains("cannot be cast", StringComparison.Ordinal) && untyped.Length == 1)
        {
            return new MLException(error, name, action, untyped[0], stage!.GetParam(untyped[0]));
        }

        return new MLException(error, name, action);
    }

    [GeneratedRegex(@"parameter (?<param>\w+) given invalid value")]
    private static partial Regex InvalidValue();

    [GeneratedRegex(@"Param (?<param>\w+) does not exist")]
    private static partial Regex UnknownParam();

    [GeneratedRegex(@"(?:param|Param|parameter) '?(?<param>\w+)'?[:,]? (?:type|must|should|expect)")]
    private static partial Regex FailedParam();
}
