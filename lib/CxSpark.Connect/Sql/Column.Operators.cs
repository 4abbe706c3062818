using CxSpark.Connect.Plans;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Operators and their named twins.</summary>
public sealed partial class Column
{
    /// <summary>Spark equality (<c>=</c>); builds an expression, see the class remarks.</summary>
    public static Column operator ==(Column left, object? right) => left.EqualTo(right);

    /// <summary>Spark inequality (<c>!=</c>).</summary>
    public static Column operator !=(Column left, object? right) => left.NotEqual(right);

    /// <summary>Spark <c>&gt;</c>.</summary>
    public static Column operator >(Column left, object? right) => left.Gt(right);

    /// <summary>Spark <c>&lt;</c>.</summary>
    public static Column operator <(Column left, object? right) => left.Lt(right);

    /// <summary>Spark <c>&gt;=</c>.</summary>
    public static Column operator >=(Column left, object? right) => left.Geq(right);

    /// <summary>Spark <c>&lt;=</c>.</summary>
    public static Column operator <=(Column left, object? right) => left.Leq(right);

    /// <summary>Spark <c>AND</c>.</summary>
    public static Column operator &(Column left, Column right) => left.And(right);

    /// <summary>Spark <c>OR</c>.</summary>
    public static Column operator |(Column left, Column right) => left.Or(right);

    /// <summary>Spark <c>NOT</c>.</summary>
    public static Column operator !(Column column) => column.Not();

    /// <summary>Spark <c>+</c>.</summary>
    public static Column operator +(Column left, object? right) => left.Plus(right);

    /// <summary>Spark <c>+</c> of two columns.</summary>
    public static Column operator +(Column left, Column right) => left.Plus(right);

    /// <summary>Spark <c>+</c>.</summary>
    public static Column operator +(object left, Column right) => Lift(left).Plus(right);

    /// <summary>Spark <c>-</c>.</summary>
    public static Column operator -(Column left, object? right) => left.Minus(right);

    /// <summary>Spark <c>-</c> of two columns.</summary>
    public static Column operator -(Column left, Column right) => left.Minus(right);

    /// <summary>Spark <c>-</c>.</summary>
    public static Column operator -(object left, Column right) => Lift(left).Minus(right);

    /// <summary>Spark unary minus.</summary>
    public static Column operator -(Column column) => column.Negate();

    /// <summary>Spark <c>*</c>.</summary>
    public static Column operator *(Column left, object? right) => left.Multiply(right);

    /// <summary>Spark <c>*</c> of two columns.</summary>
    public static Column operator *(Column left, Column right) => left.Multiply(right);

    /// <summary>Spark <c>*</c>.</summary>
    public static Column operator *(object left, Column right) => Lift(left).Multiply(right);

    /// <summary>Spark <c>/</c> (always fractional; see <see cref="Functions.Div"/> for integer division).</summary>
    public static Column operator /(Column left, object? right) => left.Divide(right);

    /// <summary>Spark <c>/</c> of two columns.</summary>
    public static Column operator /(Column left, Column right) => left.Divide(right);

    /// <summary>Spark <c>/</c>.</summary>
    public static Column operator /(object left, Column right) => Lift(left).Divide(right);

    /// <summary>Spark <c>%</c>.</summary>
    public static Column operator %(Column left, object? right) => left.Mod(right);

    /// <summary>Spark <c>%</c> of two columns.</summary>
    public static Column operator %(Column left, Column right) => left.Mod(right);

    /// <summary>Spark equality (<c>=</c>): null when either side is null.</summary>
    public Column EqualTo(object? other) => Binary("==", other);

    /// <summary>Spark inequality (<c>!=</c>), sent as <c>not(a == b)</c> as PySpark does: Spark has no function named <c>!=</c>.</summary>
    public Column NotEqual(object? other) => EqualTo(other).Not();

    /// <summary>Null-safe equality (<c>&lt;=&gt;</c>): true when both sides are null.</summary>
    public Column EqNullSafe(object? other) => Binary("<=>", other);

    /// <summary>Spark <c>&gt;</c>.</summary>
    public Column Gt(object? other) => Binary(">", other);

    /// <summary>Spark <c>&lt;</c>.</summary>
    public Column Lt(object? other) => Binary("<", other);

    /// <summary>Spark <c>&gt;=</c>.</summary>
    public Column Geq(object? other) => Binary(">=", other);

    /// <summary>Spark <c>&lt;=</c>.</summary>
    public Column Leq(object? other) => Binary("<=", other);

    /// <summary>Spark <c>AND</c>.</summary>
    public Column And(Column other) => Binary("and", other);

    /// <summary>Spark <c>OR</c>.</summary>
    public Column Or(Column other) => Binary("or", other);

    /// <summary>Spark <c>NOT</c>.</summary>
    public Column Not() => Unary("not");

    /// <summary>Spark <c>+</c>.</summary>
    public Column Plus(object? other) => Binary("+", other);

    /// <summary>Spark <c>-</c>.</summary>
    public Column Minus(object? other) => Binary("-", other);

    /// <summary>Spark <c>*</c>.</summary>
    public Column Multiply(object? other) => Binary("*", other);

    /// <summary>Spark <c>/</c>.</summary>
    public Column Divide(object? other) => Binary("/", other);

    /// <summary>Spark <c>%</c>.</summary>
    public Column Mod(object? other) => Binary("%", other);

    /// <summary>Spark unary minus.</summary>
    public Column Negate() => Unary("negative");

    /// <summary>Bitwise AND.</summary>
    public Column BitwiseAND(object? other) => Binary("&", other);

    /// <summary>Bitwise OR.</summary>
    public Column BitwiseOR(object? other) => Binary("|", other);

    /// <summary>Bitwise XOR.</summary>
    public Column BitwiseXOR(object? other) => Binary("^", other);

    /// <summary>True when the value is null.</summary>
    public Column IsNull() => Unary("isnull");

    /// <summary>True when the value is not null.</summary>
    public Column IsNotNull() => Unary("isnotnull");

    /// <summary>True when the value is NaN.</summary>
    public Column IsNaN() => Unary("isnan");

    /// <summary>True when the value equals one of the given values (<c>IN</c>).</summary>
    public Column IsIn(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        IEnumerable<object?> items = values.Length == 1 && values[0] is System.Collections.IEnumerable list and not string
            ? list.Cast<object?>()
            : values;
        return new Column(ExpressionBuilder.Function("in", false, items.Select(Functions.ToExpression).Prepend(Expression)));
    }

    /// <summary>True when the value lies between two bounds, both included.</summary>
    public Column Between(object? lower, object? upper) => Geq(lower).And(Leq(upper));

    /// <summary>SQL <c>LIKE</c> pattern match (<c>%</c> and <c>_</c>).</summary>
    public Column Like(string pattern) => Binary("like", pattern);

    /// <summary>Case-insensitive <c>LIKE</c>.</summary>
    public Column ILike(string pattern) => Binary("ilike", pattern);

    /// <summary>Java regular expression match (<c>RLIKE</c>).</summary>
    public Column RLike(string pattern) => Binary("rlike", pattern);

    /// <summary>True when the string starts with the given prefix.</summary>
    public Column StartsWith(object prefix) => Binary("startswith", prefix);

    /// <summary>True when the string ends with the given suffix.</summary>
    public Column EndsWith(object suffix) => Binary("endswith", suffix);

    /// <summary>True when the string contains the given text.</summary>
    public Column Contains(object text) => Binary("contains", text);

    /// <summary>The substring starting at a 1-based position with the given length.</summary>
    public Column Substr(int position, int length) =>
        new(ExpressionBuilder.Function("substr", Expression, ExpressionBuilder.Literal(position), ExpressionBuilder.Literal(length)));

    private static Column Lift(object value) => value as Column ?? Functions.Lit(value);

    private Column Binary(string function, object? other) =>
        new(ExpressionBuilder.Function(function, Expression, Functions.ToExpression(other)));

    private Column Unary(string function) => new(ExpressionBuilder.Function(function, Expression));

    internal static Proto.Expression[] Expressions(IEnumerable<Column> columns) => columns.Select(c => c.Expression).ToArray();
}
