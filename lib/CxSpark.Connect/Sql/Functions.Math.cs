namespace CxSpark.Connect.Sql;

/// <summary>Math functions.</summary>
public static partial class Functions
{
    /// <summary>The absolute value.</summary>
    public static Column Abs(Column column) => Fn("abs", column);

    /// <summary>The square root.</summary>
    public static Column Sqrt(Column column) => Fn("sqrt", column);

    /// <summary>The cube root.</summary>
    public static Column Cbrt(Column column) => Fn("cbrt", column);

    /// <summary>e raised to the value.</summary>
    public static Column Exp(Column column) => Fn("exp", column);

    /// <summary>The natural logarithm.</summary>
    public static Column Log(Column column) => Fn("ln", column);

    /// <summary>The logarithm in a base.</summary>
    public static Column Log(double logBase, Column column) => Fn("log", Lit(logBase), column);

    /// <summary>The base-10 logarithm.</summary>
    public static Column Log10(Column column) => Fn("log10", column);

    /// <summary>The base-2 logarithm.</summary>
    public static Column Log2(Column column) => Fn("log2", column);

    /// <summary>ln(1 + value).</summary>
    public static Column Log1p(Column column) => Fn("log1p", column);

    /// <summary>exp(value) - 1.</summary>
    public static Column Expm1(Column column) => Fn("expm1", column);

    /// <summary>The value raised to a power.</summary>
    public static Column Pow(Column column, object exponent) => Fn("power", column, exponent);

    /// <summary>The value rounded half up to a scale.</summary>
    public static Column Round(Column column, int scale = 0) => Fn("round", column, scale);

    /// <summary>The value rounded half even to a scale.</summary>
    public static Column BRound(Column column, int scale = 0) => Fn("bround", column, scale);

    /// <summary>The smallest integer not below the value.</summary>
    public static Column Ceil(Column column) => Fn("ceil", column);

    /// <summary>The largest integer not above the value.</summary>
    public static Column Floor(Column column) => Fn("floor", column);

    /// <summary>-1, 0 or 1 by sign.</summary>
    public static Column Signum(Column column) => Fn("signum", column);

    /// <summary>Integer division.</summary>
    public static Column Div(Column left, object right) => Fn("div", left, right);

    /// <summary>The positive remainder.</summary>
    public static Column Pmod(Column left, object right) => Fn("pmod", left, right);

    /// <summary>The sine.</summary>
    public static Column Sin(Column column) => Fn("sin", column);

    /// <summary>The cosine.</summary>
    public static Column Cos(Column column) => Fn("cos", column);

    /// <summary>The tangent.</summary>
    public static Column Tan(Column column) => Fn("tan", column);

    /// <summary>Radians converted to degrees.</summary>
    public static Column Degrees(Column column) => Fn("degrees", column);

    /// <summary>Degrees converted to radians.</summary>
    public static Column Radians(Column column) => Fn("radians", column);

    /// <summary>The value as a hexadecimal string.</summary>
    public static Column Hex(Column column) => Fn("hex", column);

    /// <summary>The bucket (1 to <paramref name="buckets"/>) the value falls in, of equal-width buckets over a range.</summary>
    public static Column WidthBucket(Column column, Column min, Column max, int buckets) => Fn("width_bucket", column, min, max, Lit(buckets));

    /// <summary>Division that gives null instead of failing on a zero divisor.</summary>
    public static Column TryDivide(Column left, object right) => Fn("try_divide", left, right);
}
