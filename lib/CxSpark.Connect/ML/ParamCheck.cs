using System.Globalization;

namespace CxSpark.Connect.ML;

/// <summary>A cheap client-side copy of one of Spark's param validators (<c>ParamValidators</c>).</summary>
internal sealed class ParamCheck
{
    private readonly Func<object, bool> _isValid;

    private ParamCheck(string rule, Func<object, bool> isValid)
    {
        Rule = rule;
        _isValid = isValid;
    }

    internal string Rule { get; }

    internal static ParamCheck AtLeast(double min) => new($"Spark requires a value >= {Format(min)}", v => ToDouble(v) >= min);

    internal static ParamCheck GreaterThan(double min) => new($"Spark requires a value > {Format(min)}", v => ToDouble(v) > min);

    internal static ParamCheck Between(double min, double max) =>
        new($"Spark requires a value in [{Format(min)}, {Format(max)}]", v => ToDouble(v) is double d && d >= min && d <= max);

    internal static ParamCheck OneOf(params string[] allowed) =>
        new($"Spark accepts {string.Join(", ", allowed.Select(a => $"\"{a}\""))}", v => allowed.Contains((string)v, StringComparer.OrdinalIgnoreCase));

    internal static ParamCheck NonEmpty { get; } =
        new("Spark requires at least one element", v => v is System.Collections.IEnumerable items && items.Cast<object?>().Any());

    internal bool IsValid(object value) => _isValid(value);

    private static double ToDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
