namespace CxSpark.Connect.Errors;

/// <summary>An MLlib param was given a value of the wrong type or outside Spark's range; raised before anything is sent.</summary>
/// <remarks><see cref="ArgumentException.ParamName"/> holds Spark's param name, such as <c>regParam</c>.</remarks>
public sealed class InvalidParamException : ArgumentException
{
    /// <summary>Initializes a new instance naming the operator, the param, the value and the rule it broke.</summary>
    public InvalidParamException(string operatorName, string paramName, object? value, string rule)
        : base($"{operatorName} param '{paramName}' cannot be {Describe(value)}: {rule}.", paramName)
    {
        OperatorName = operatorName;
        Value = value;
    }

    /// <summary>Gets the name of the estimator, transformer or evaluator, such as <c>ALS</c>.</summary>
    public string OperatorName { get; }

    /// <summary>Gets the rejected value.</summary>
    public object? Value { get; }

    internal static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        IFormattable f => $"{f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
