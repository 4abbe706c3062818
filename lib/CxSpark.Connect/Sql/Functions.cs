using CxSpark.Connect.Plans;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Spark SQL's built-in functions, as in PySpark's <c>pyspark.sql.functions</c>.</summary>
/// <remarks>
/// Each function builds an expression that Spark evaluates; nothing runs in .NET. For a built-in that has no
/// method here, use <see cref="CallFunction(string, Column[])"/> with its Spark name.
/// </remarks>
public static partial class Functions
{
    /// <summary>A reference to the named column (<c>*</c> and <c>t.*</c> select all columns).</summary>
    public static Column Col(string name) => new(ExpressionBuilder.Attribute(name));

    /// <summary>A reference to the named column; the same as <see cref="Col"/>.</summary>
    public static Column Column(string name) => Col(name);

    /// <summary>A literal value: numbers, strings, booleans, <see cref="decimal"/>, <see cref="DateOnly"/>,
    /// <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, byte arrays, arrays and dictionaries.</summary>
    /// <remarks>A <see cref="DateTime"/> of unspecified kind becomes a <c>TIMESTAMP_NTZ</c>; others become a <c>TIMESTAMP</c>.</remarks>
    public static Column Lit(object? value) => value as Column ?? new Column(ExpressionBuilder.Literal(value));

    /// <summary>A column from a SQL expression, such as <c>"price * quantity"</c>.</summary>
    public static Column Expr(string expression) => new(ExpressionBuilder.SqlText(expression));

    /// <summary>Calls a Spark SQL function by name.</summary>
    public static Column CallFunction(string name, params Column[] arguments) => Fn(name, arguments);

    /// <summary>Starts a <c>CASE WHEN</c> chain: add branches with <see cref="Sql.Column.When"/> and a default with <see cref="Sql.Column.Otherwise"/>.</summary>
    public static Column When(Column condition, object? value)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new Column(ExpressionBuilder.Function("when", condition.Expression, ToExpression(value)));
    }

    /// <summary>The first non-null argument.</summary>
    public static Column Coalesce(params Column[] columns) => Fn("coalesce", columns);

    /// <summary>The largest argument, skipping nulls.</summary>
    public static Column Greatest(params Column[] columns) => Fn("greatest", columns);

    /// <summary>The smallest argument, skipping nulls.</summary>
    public static Column Least(params Column[] columns) => Fn("least", columns);

    /// <summary>The second argument where the first is null.</summary>
    public static Column IfNull(Column column, Column replacement) => Fn("ifnull", column, replacement);

    /// <summary>Null where the two arguments are equal, else the first.</summary>
    public static Column NullIf(Column column, Column other) => Fn("nullif", column, other);

    /// <summary>The second argument where the first is NaN.</summary>
    public static Column Nanvl(Column column, Column replacement) => Fn("nanvl", column, replacement);

    /// <summary>True where the value is null.</summary>
    public static Column IsNull(Column column) => Fn("isnull", column);

    /// <summary>True where the value is NaN.</summary>
    public static Column IsNaN(Column column) => Fn("isnan", column);

    /// <summary>A struct of the given columns.</summary>
    public static Column Struct(params Column[] columns) => Fn("struct", columns);

    /// <summary>A struct from alternating names and values.</summary>
    public static Column NamedStruct(params Column[] namesAndValues) => Fn("named_struct", namesAndValues);

    /// <summary>A unique, increasing (not consecutive) 64-bit id per row.</summary>
    public static Column MonotonicallyIncreasingId() => Fn("monotonically_increasing_id");

    /// <summary>The id of the partition a row is in.</summary>
    public static Column SparkPartitionId() => Fn("spark_partition_id");

    /// <summary>The file a row was read from, or an empty string.</summary>
    public static Column InputFileName() => Fn("input_file_name");

    /// <summary>A uniformly distributed random number in [0, 1).</summary>
    public static Column Rand(long seed) => Fn("rand", Lit(seed));

    /// <summary>A normally distributed random number.</summary>
    public static Column Randn(long seed) => Fn("randn", Lit(seed));

    /// <summary>Spark's 32-bit Murmur3 hash of the arguments.</summary>
    public static Column Hash(params Column[] columns) => Fn("hash", columns);

    /// <summary>Spark's 64-bit xxHash of the arguments.</summary>
    public static Column XxHash64(params Column[] columns) => Fn("xxhash64", columns);

    /// <summary>The SHA-2 digest (224, 256, 384 or 512 bits) as a hex string.</summary>
    public static Column Sha2(Column column, int numBits) => Fn("sha2", column, Lit(numBits));

    /// <summary>The MD5 digest as a hex string.</summary>
    public static Column Md5(Column column) => Fn("md5", column);

    /// <summary>The SHA-1 digest as a hex string.</summary>
    public static Column Sha1(Column column) => Fn("sha1", column);

    /// <summary>The CRC32 checksum.</summary>
    public static Column Crc32(Column column) => Fn("crc32", column);

    /// <summary>A value converted to JSON text.</summary>
    public static Column ToJson(Column column) => Fn("to_json", column);

    /// <summary>JSON text parsed with a DDL schema.</summary>
    public static Column FromJson(Column column, string schemaDdl) => Fn("from_json", column, Lit(schemaDdl));

    /// <summary>A value extracted from JSON text by a JSON path.</summary>
    public static Column GetJsonObject(Column column, string path) => Fn("get_json_object", column, Lit(path));

    internal static Proto.Expression ToExpression(object? value) => value is Column column ? column.Expression : ExpressionBuilder.Literal(value);

    internal static Column[] Cols(string column, string[] columns) => columns.Prepend(column).Select(Col).ToArray();

    private static Column Fn(string name, params Column[] arguments) =>
        new(ExpressionBuilder.Function(name, false, arguments.Select(a => a.Expression)));

    private static Column Fn(string name, Column column, params object?[] arguments) =>
        new(ExpressionBuilder.Function(name, false, arguments.Select(ToExpression).Prepend(column.Expression)));

    private static Column Distinct(string name, params Column[] arguments) =>
        new(ExpressionBuilder.Function(name, true, arguments.Select(a => a.Expression)));
}
