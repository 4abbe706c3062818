namespace CxSpark.Connect.Errors;

/// <summary>The Spark server refused an MLlib request: a fit, evaluation, attribute fetch, save, load or delete.</summary>
/// <remarks>
/// The server's error (<see cref="SparkServerException.ErrorClass"/>, message, stack trace) is kept; the message is
/// prefixed with the operator, the action and, when the server blamed one, the param and the value that was sent.
/// </remarks>
public sealed class MLException : SparkServerException
{
    /// <summary>Initializes a new instance that adds MLlib context to a server error.</summary>
    public MLException(SparkServerException serverError, string operatorName, string action, string? paramName = null, object? paramValue = null)
        : base((serverError ?? throw new ArgumentNullException(nameof(serverError))).Info, serverError)
    {
        OperatorName = operatorName;
        Action = action;
        ParamName = paramName;
        ParamValue = paramValue;
    }

    /// <summary>Gets the name of the estimator, model, transformer or evaluator, such as <c>ALS</c>.</summary>
    public string OperatorName { get; }

    /// <summary>Gets what was attempted, such as <c>fit</c> or <c>fetch clusterCenterMatrix</c>.</summary>
    public string Action { get; }

    /// <summary>Gets Spark's name of the param the server rejected, when it named one.</summary>
    public string? ParamName { get; }

    /// <summary>Gets the value that was sent for <see cref="ParamName"/>.</summary>
    public object? ParamValue { get; }

    /// <summary>Gets the message: operator, action, param and value, then the server's message.</summary>
    public override string Message
    {
        get
        {
            string param = ParamName is null ? string.Empty : $" (param '{ParamName}' = {InvalidParamException.Describe(ParamValue)})";
            return $"{OperatorName} {Action} failed{param}: {base.Message}";
        }
    }
}
