using System.Collections;
using System.Globalization;
using CxSpark.Connect.Sql.Types;
using Google.Protobuf;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Plans;

// Spark 4.1 deprecates the container literals' own type fields in favour of data_type; both are filled so
// that 4.0 servers read them too.
#pragma warning disable CS0612

/// <summary>Converts .NET values to Spark literals and back.</summary>
internal static class LiteralConverter
{
    private static readonly DateTime s_epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    internal static Proto.Expression.Types.Literal ToLiteral(object? value) => value switch
    {
        null => new() { Null = new Proto.DataType { Null = new() }, DataType = new Proto.DataType { Null = new() } },
        bool b => new() { Boolean = b },
        byte b => new() { Byte = b },
        sbyte b => new() { Byte = b },
        short s => new() { Short = s },
        int i => new() { Integer = i },
        long l => new() { Long = l },
        float f => new() { Float = f },
        double d => new() { Double = d },
        decimal m => DecimalLiteral(m),
        string s => new() { String = s },
        char c => new() { String = c.ToString() },
        byte[] bytes => new() { Binary = ByteString.CopyFrom(bytes) },
        DateOnly date => new() { Date = date.DayNumber - DateOnly.FromDateTime(s_epoch).DayNumber },
        DateTimeOffset dto => new() { Timestamp = Micros(dto.UtcDateTime) },
        DateTime { Kind: DateTimeKind.Unspecified } dt => new() { TimestampNtz = Micros(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) },
        DateTime dt => new() { Timestamp = Micros(dt.ToUniversalTime()) },
        TimeSpan span => new() { DayTimeInterval = span.Ticks / TimeSpan.TicksPerMicrosecond },
        IDictionary map => MapLiteral(map),
        IEnumerable items => ArrayLiteral(items),
        _ => throw new ArgumentException($"A value of type {value.GetType().Name} cannot be a Spark literal.", nameof(value)),
    };

    internal static object? FromLiteral(Proto.Expression.Types.Literal literal) => literal.LiteralTypeCase switch
    {
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Null => null,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Boolean => literal.Boolean,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Byte => (byte)literal.Byte,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Short => (short)literal.Short,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Integer => literal.Integer,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Long => literal.Long,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Float => literal.Float,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Double => literal.Double,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Decimal => decimal.Parse(literal.Decimal.Value, CultureInfo.InvariantCulture),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.String => literal.String,
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Binary => literal.Binary.ToByteArray(),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Date => DateOnly.FromDayNumber(DateOnly.FromDateTime(s_epoch).DayNumber + literal.Date),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Timestamp => new DateTimeOffset(s_epoch.AddTicks(literal.Timestamp * TimeSpan.TicksPerMicrosecond)),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.TimestampNtz => DateTime.SpecifyKind(s_epoch.AddTicks(literal.TimestampNtz * TimeSpan.TicksPerMicrosecond), DateTimeKind.Unspecified),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.DayTimeInterval => TimeSpan.FromTicks(literal.DayTimeInterval * TimeSpan.TicksPerMicrosecond),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Array => literal.Array.Elements.Select(FromLiteral).ToArray(),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Struct => literal.Struct.Elements.Select(FromLiteral).ToArray(),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.Map => literal.Map.Keys.Zip(literal.Map.Values)
            .ToDictionary(kv => FromLiteral(kv.First)!, kv => FromLiteral(kv.Second)),
        Proto.Expression.Types.Literal.LiteralTypeOneofCase.SpecializedArray => FromSpecializedArray(literal.SpecializedArray),
        _ => throw new NotSupportedException($"Spark literal {literal.LiteralTypeCase} is not supported by this client."),
    };

    internal static DataType? TypeOf(object? value) => value switch
    {
        null => new NullType(),
        bool => new BooleanType(),
        byte or sbyte => new ByteType(),
        short => new ShortType(),
        int => new IntegerType(),
        long => new LongType(),
        float => new FloatType(),
        double => new DoubleType(),
        decimal m => DecimalTypeOf(m),
        string or char => new StringType(),
        byte[] => new BinaryType(),
        DateOnly => new DateType(),
        DateTimeOffset => new TimestampType(),
        DateTime { Kind: DateTimeKind.Unspecified } => new TimestampNtzType(),
        DateTime => new TimestampType(),
        TimeSpan => new DayTimeIntervalType(),
        _ => null,
    };

    private static long Micros(DateTime utc) => (utc - s_epoch).Ticks / TimeSpan.TicksPerMicrosecond;

    private static DecimalType DecimalTypeOf(decimal value)
    {
        SqlDecimalParts(value, out int precision, out int scale);
        return new DecimalType(precision, scale);
    }

    private static DecimalType WidenDecimal(DecimalType a, DecimalType b)
    {
        int scale = Math.Max(a.Scale, b.Scale);
        int integerDigits = Math.Max(a.Precision - a.Scale, b.Precision - b.Scale);
        return new DecimalType(Math.Min(integerDigits + scale, 38), scale);
    }

    private static Proto.Expression.Types.Literal DecimalLiteral(decimal value)
    {
        SqlDecimalParts(value, out int precision, out int scale);
        return new() { Decimal = new() { Value = value.ToString(CultureInfo.InvariantCulture), Precision = precision, Scale = scale } };
    }

    private static void SqlDecimalParts(decimal value, out int precision, out int scale)
    {
        scale = value.Scale;
        string digits = decimal.Truncate(Math.Abs(value)).ToString(CultureInfo.InvariantCulture).TrimStart('0');
        precision = Math.Max(digits.Length + scale, 1);
    }

    private static Proto.Expression.Types.Literal ArrayLiteral(IEnumerable items)
    {
        var elements = items.Cast<object?>().Select(ToLiteral).ToList();
        DataType elementType = ElementType(items);
        var array = new Proto.Expression.Types.Literal.Types.Array { ElementType = DataTypeConverter.ToProto(elementType) };
        array.Elements.AddRange(elements);
        return new() { Array = array, DataType = DataTypeConverter.ToProto(new ArrayType(elementType)) };
    }

    private static Proto.Expression.Types.Literal MapLiteral(IDictionary map)
    {
        var result = new Proto.Expression.Types.Literal.Types.Map();
        DataType keyType = new StringType();
        DataType valueType = new StringType();
        foreach (DictionaryEntry entry in map)
        {
            result.Keys.Add(ToLiteral(entry.Key));
            result.Values.Add(ToLiteral(entry.Value));
            keyType = TypeOf(entry.Key) ?? keyType;
            valueType = entry.Value is null ? valueType : TypeOf(entry.Value) ?? valueType;
        }

        result.KeyType = DataTypeConverter.ToProto(keyType);
        result.ValueType = DataTypeConverter.ToProto(valueType);
        return new() { Map = result, DataType = DataTypeConverter.ToProto(new MapType(keyType, valueType)) };
    }

    private static DataType ElementType(IEnumerable items)
    {
        Type? declared = items.GetType().IsArray ? items.GetType().GetElementType() : items.GetType().GetGenericArguments().FirstOrDefault();
        object? sample = declared is not null && declared != typeof(object) && !declared.IsAbstract && declared != typeof(string)
            ? null
            : items.Cast<object?>().FirstOrDefault(i => i is not null);
        DataType? type = declared == typeof(string) ? new StringType() : TypeOf(sample ?? DefaultOf(declared));
        if (type is DecimalType)
        {
            // One element type must hold every element: the most integer digits and the largest scale.
            type = items.Cast<object?>().OfType<decimal>().Select(DecimalTypeOf).Aggregate(type, (a, b) => WidenDecimal((DecimalType)a, b));
        }

        return type ?? throw new ArgumentException($"Cannot tell the Spark element type of a {items.GetType().Name}.");
    }

    private static object? DefaultOf(Type? type) =>
        type is null || !type.IsValueType ? null : Activator.CreateInstance(Nullable.GetUnderlyingType(type) ?? type);

    private static object FromSpecializedArray(Proto.Expression.Types.Literal.Types.SpecializedArray array) => array.ValueTypeCase switch
    {
        Proto.Expression.Types.Literal.Types.SpecializedArray.ValueTypeOneofCase.Bools => array.Bools.Values.ToArray(),
        Proto.Expression.Types.Literal.Types.SpecializedArray.ValueTypeOneofCase.Ints => array.Ints.Values.ToArray(),
        Proto.Expression.Types.Literal.Types.SpecializedArray.ValueTypeOneofCase.Longs => array.Longs.Values.ToArray(),
        Proto.Expression.Types.Literal.Types.SpecializedArray.ValueTypeOneofCase.Floats => array.Floats.Values.ToArray(),
        Proto.Expression.Types.Literal.Types.SpecializedArray.ValueTypeOneofCase.Doubles => array.Doubles.Values.ToArray(),
        Proto.Expression.Types.Literal.Types.SpecializedArray.ValueTypeOneofCase.Strings => array.Strings.Values.ToArray(),
        _ => Array.Empty<object>(),
    };
}
