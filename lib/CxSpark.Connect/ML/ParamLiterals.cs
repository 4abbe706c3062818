using System.Collections;
using System.Globalization;
using CxSpark.Connect.ML.Linalg;
using CxSpark.Connect.Plans;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>Param values as the literal kinds Spark expects, and back.</summary>
/// <remarks>
/// As PySpark does, whole numbers go as <c>integer</c> when they fit (the server widens them for long params such
/// as <c>seed</c>), reals as <c>double</c>, string lists as arrays of strings, vectors and matrices as UDT structs.
/// </remarks>
internal static class ParamLiterals
{
    internal static Proto.Expression.Types.Literal ToLiteral(object value) => value switch
    {
        int i => new() { Integer = i },
        long l when l is >= int.MinValue and <= int.MaxValue => new() { Integer = (int)l },
        long l => new() { Long = l },
        float f => new() { Double = f },
        double d => new() { Double = d },
        bool b => new() { Boolean = b },
        string s => new() { String = s },
        Vector v => LinalgLiterals.ToLiteral(v),
        Matrix m => LinalgLiterals.ToLiteral(m),
        string[] or double[] or int[] => LiteralConverter.ToLiteral(value),
        _ => throw new ArgumentException($"A value of type {value.GetType().Name} cannot be an MLlib param.", nameof(value)),
    };

    /// <summary>Whether a value can be sent as a param at all.</summary>
    internal static bool IsSupported(object value) =>
        value is int or long or float or double or bool or string or Vector or Matrix or string[] or double[] or int[];

    /// <summary>Converts <paramref name="value"/> to a param's .NET type, widening numbers and copying lists; null when it cannot.</summary>
    internal static object? Coerce(object value, Type target)
    {
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            return target switch
            {
                _ when target == typeof(long) && value is int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                _ when target == typeof(int) && value is long l && l is >= int.MinValue and <= int.MaxValue => (int)l,
                _ when target == typeof(int) && value is short or byte => Convert.ToInt32(value, CultureInfo.InvariantCulture),
                _ when target == typeof(double) && value is int or long or float or short or byte => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                _ when target == typeof(string[]) && value is IEnumerable items && value is not string && items.Cast<object?>().All(i => i is string) =>
                    items.Cast<string>().ToArray(),
                _ when target == typeof(double[]) && value is IEnumerable items && value is not string && items.Cast<object?>().All(IsNumber) =>
                    items.Cast<object>().Select(i => Convert.ToDouble(i, CultureInfo.InvariantCulture)).ToArray(),
                _ when target == typeof(int[]) && value is IEnumerable items && value is not string && items.Cast<object?>().All(i => i is int or short or byte) =>
                    items.Cast<object>().Select(i => Convert.ToInt32(i, CultureInfo.InvariantCulture)).ToArray(),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Describes a .NET param type in Spark's words.</summary>
    internal static string SparkTypeName(Type type) => type switch
    {
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(double) => "double",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(string) => "string",
        _ when type == typeof(string[]) => "array<string>",
        _ when type == typeof(double[]) => "array<double>",
        _ when type == typeof(int[]) => "array<int>",
        _ => type.Name,
    };

    private static bool IsNumber(object? value) => value is int or long or float or double or short or byte;
}
