using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Plans;

/// <summary>Converts between <see cref="DataType"/> and the protocol's <c>DataType</c>.</summary>
internal static class DataTypeConverter
{
    internal static DataType FromProto(Proto.DataType type) => type.KindCase switch
    {
        Proto.DataType.KindOneofCase.Null => new NullType(),
        Proto.DataType.KindOneofCase.Binary => new BinaryType(),
        Proto.DataType.KindOneofCase.Boolean => new BooleanType(),
        Proto.DataType.KindOneofCase.Byte => new ByteType(),
        Proto.DataType.KindOneofCase.Short => new ShortType(),
        Proto.DataType.KindOneofCase.Integer => new IntegerType(),
        Proto.DataType.KindOneofCase.Long => new LongType(),
        Proto.DataType.KindOneofCase.Float => new FloatType(),
        Proto.DataType.KindOneofCase.Double => new DoubleType(),
        Proto.DataType.KindOneofCase.Decimal => new DecimalType(
            type.Decimal.HasPrecision ? type.Decimal.Precision : 10, type.Decimal.HasScale ? type.Decimal.Scale : 0),
        Proto.DataType.KindOneofCase.String => new StringType(),
        Proto.DataType.KindOneofCase.Char => new CharType(type.Char.Length),
        Proto.DataType.KindOneofCase.VarChar => new VarcharType(type.VarChar.Length),
        Proto.DataType.KindOneofCase.Date => new DateType(),
        Proto.DataType.KindOneofCase.Timestamp => new TimestampType(),
        Proto.DataType.KindOneofCase.TimestampNtz => new TimestampNtzType(),
        Proto.DataType.KindOneofCase.CalendarInterval => new CalendarIntervalType(),
        Proto.DataType.KindOneofCase.YearMonthInterval => new YearMonthIntervalType(),
        Proto.DataType.KindOneofCase.DayTimeInterval => new DayTimeIntervalType(),
        Proto.DataType.KindOneofCase.Variant => new VariantType(),
        Proto.DataType.KindOneofCase.Array => new ArrayType(FromProto(type.Array.ElementType), type.Array.ContainsNull),
        Proto.DataType.KindOneofCase.Map => new MapType(
            FromProto(type.Map.KeyType), FromProto(type.Map.ValueType), type.Map.ValueContainsNull),
        Proto.DataType.KindOneofCase.Struct => new StructType(type.Struct.Fields.Select(f => new StructField(
            f.Name, FromProto(f.DataType), f.Nullable, f.HasMetadata ? f.Metadata : "{}"))),
        Proto.DataType.KindOneofCase.Udt => new UserDefinedType(
            type.Udt.JvmClass,
            type.Udt.SqlType is null ? UdtSqlType(type.Udt.JvmClass) : FromProto(type.Udt.SqlType),
            type.Udt.HasPythonClass ? type.Udt.PythonClass : null),
        Proto.DataType.KindOneofCase.Unparsed => DdlParser.ParseType(type.Unparsed.DataTypeString),
        _ => throw new NotSupportedException($"The Spark type {type.KindCase} is not supported by this client."),
    };

    internal static Proto.DataType ToProto(DataType type) => type switch
    {
        NullType => new Proto.DataType { Null = new() },
        BinaryType => new Proto.DataType { Binary = new() },
        BooleanType => new Proto.DataType { Boolean = new() },
        ByteType => new Proto.DataType { Byte = new() },
        ShortType => new Proto.DataType { Short = new() },
        IntegerType => new Proto.DataType { Integer = new() },
        LongType => new Proto.DataType { Long = new() },
        FloatType => new Proto.DataType { Float = new() },
        DoubleType => new Proto.DataType { Double = new() },
        DecimalType d => new Proto.DataType { Decimal = new() { Precision = d.Precision, Scale = d.Scale } },
        StringType => new Proto.DataType { String = new() },
        CharType c => new Proto.DataType { Char = new() { Length = c.Length } },
        VarcharType v => new Proto.DataType { VarChar = new() { Length = v.Length } },
        DateType => new Proto.DataType { Date = new() },
        TimestampType => new Proto.DataType { Timestamp = new() },
        TimestampNtzType => new Proto.DataType { TimestampNtz = new() },
        CalendarIntervalType => new Proto.DataType { CalendarInterval = new() },
        YearMonthIntervalType => new Proto.DataType { YearMonthInterval = new() },
        DayTimeIntervalType => new Proto.DataType { DayTimeInterval = new() },
        VariantType => new Proto.DataType { Variant = new() },
        ArrayType a => new Proto.DataType { Array = new() { ElementType = ToProto(a.ElementType), ContainsNull = a.ContainsNull } },
        MapType m => new Proto.DataType
        {
            Map = new() { KeyType = ToProto(m.KeyType), ValueType = ToProto(m.ValueType), ValueContainsNull = m.ValueContainsNull },
        },
        StructType s => StructToProto(s),
        UserDefinedType u => UdtToProto(u),
        _ => throw new NotSupportedException($"The type {type} cannot be sent to Spark."),
    };

    private static Proto.DataType StructToProto(StructType s)
    {
        var proto = new Proto.DataType.Types.Struct();
        foreach (StructField f in s.Fields)
        {
            var field = new Proto.DataType.Types.StructField { Name = f.Name, DataType = ToProto(f.DataType), Nullable = f.Nullable };
            if (f.Metadata != "{}")
            {
                field.Metadata = f.Metadata;
            }

            proto.Fields.Add(field);
        }

        return new Proto.DataType { Struct = proto };
    }

    private static Proto.DataType UdtToProto(UserDefinedType u)
    {
        var udt = new Proto.DataType.Types.UDT { Type = "udt", JvmClass = u.JvmClass, SqlType = ToProto(u.SqlType) };
        if (u.PythonClass is not null)
        {
            udt.PythonClass = u.PythonClass;
        }

        return new Proto.DataType { Udt = udt };
    }

    private static DataType UdtSqlType(string jvmClass) =>
        jvmClass == UserDefinedType.VectorUdtClass ? UserDefinedType.Vector.SqlType : new BinaryType();
}
