using System.Globalization;

namespace CxSpark.Connect.Sql.Types;

/// <summary>The type of the <c>NULL</c> literal.</summary>
public sealed record NullType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "void";
}

/// <summary>A boolean.</summary>
public sealed record BooleanType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "boolean";
}

/// <summary>A signed 8-bit integer (<c>TINYINT</c>).</summary>
public sealed record ByteType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "byte";

    /// <inheritdoc/>
    public override string SimpleString => "tinyint";
}

/// <summary>A signed 16-bit integer (<c>SMALLINT</c>).</summary>
public sealed record ShortType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "short";

    /// <inheritdoc/>
    public override string SimpleString => "smallint";
}

/// <summary>A signed 32-bit integer (<c>INT</c>).</summary>
public sealed record IntegerType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "integer";

    /// <inheritdoc/>
    public override string SimpleString => "int";
}

/// <summary>A signed 64-bit integer (<c>BIGINT</c>).</summary>
public sealed record LongType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "long";

    /// <inheritdoc/>
    public override string SimpleString => "bigint";
}

/// <summary>A 32-bit floating point number.</summary>
public sealed record FloatType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "float";
}

/// <summary>A 64-bit floating point number.</summary>
public sealed record DoubleType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "double";
}

/// <summary>A UTF-8 string.</summary>
public sealed record StringType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "string";
}

/// <summary>A byte array.</summary>
public sealed record BinaryType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "binary";
}

/// <summary>A calendar date without a time zone.</summary>
public sealed record DateType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "date";
}

/// <summary>An instant in time, shown in the session time zone (microsecond precision).</summary>
public sealed record TimestampType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "timestamp";
}

/// <summary>A local date and time without a time zone (microsecond precision).</summary>
public sealed record TimestampNtzType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "timestamp_ntz";
}

/// <summary>A calendar interval of months, days and microseconds.</summary>
public sealed record CalendarIntervalType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "interval";
}

/// <summary>A semi-structured value.</summary>
public sealed record VariantType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "variant";
}

/// <summary>An interval of days, hours, minutes and seconds.</summary>
public sealed record DayTimeIntervalType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "interval day to second";
}

/// <summary>An interval of years and months.</summary>
public sealed record YearMonthIntervalType : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "interval year to month";
}

/// <summary>A fixed-precision decimal number.</summary>
/// <param name="Precision">The number of digits, at most 38.</param>
/// <param name="Scale">The number of digits after the point.</param>
public sealed record DecimalType(int Precision = 10, int Scale = 0) : DataType
{
    /// <inheritdoc/>
    public override string TypeName => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})");
}

/// <summary>A fixed-length string (<c>CHAR(n)</c>).</summary>
/// <param name="Length">The length.</param>
public sealed record CharType(int Length) : DataType
{
    /// <inheritdoc/>
    public override string TypeName => string.Create(CultureInfo.InvariantCulture, $"char({Length})");
}

/// <summary>A string with a maximum length (<c>VARCHAR(n)</c>).</summary>
/// <param name="Length">The maximum length.</param>
public sealed record VarcharType(int Length) : DataType
{
    /// <inheritdoc/>
    public override string TypeName => string.Create(CultureInfo.InvariantCulture, $"varchar({Length})");
}
