using CxSpark.Connect.Plans;
using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Plans;

public sealed class DataTypeConverterTests
{
    [Theory]
    [MemberData(nameof(Types))]
    public void FromProto_OfToProto_ReturnsEqualType(DataType type)
    {
        Assert.Equal(type, DataTypeConverter.FromProto(DataTypeConverter.ToProto(type)));
    }

    [Fact]
    public void ToProto_Struct_CarriesNamesNullabilityAndMetadata()
    {
        var schema = new StructType(
        [
            new StructField("id", new LongType(), Nullable: false),
            new StructField("price", new DecimalType(10, 2), Metadata: """{"comment":"unit price"}"""),
        ]);

        Proto.DataType proto = DataTypeConverter.ToProto(schema);

        Proto.DataType.Types.StructField id = proto.Struct.Fields[0];
        Proto.DataType.Types.StructField price = proto.Struct.Fields[1];
        Assert.Equal("id", id.Name);
        Assert.Equal(Proto.DataType.KindOneofCase.Long, id.DataType.KindCase);
        Assert.False(id.Nullable);
        Assert.False(id.HasMetadata);
        Assert.Equal(10, price.DataType.Decimal.Precision);
        Assert.Equal(2, price.DataType.Decimal.Scale);
        Assert.Equal("""{"comment":"unit price"}""", price.Metadata);
    }

    [Fact]
    public void FromProto_DecimalWithoutPrecision_IsSparkDefault()
    {
        Assert.Equal(new DecimalType(10, 0), DataTypeConverter.FromProto(new Proto.DataType { Decimal = new Proto.DataType.Types.Decimal() }));
    }

    [Fact]
    public void FromProto_VectorUdtWithoutSqlType_IsVectorStruct()
    {
        var proto = new Proto.DataType { Udt = new Proto.DataType.Types.UDT { Type = "udt", JvmClass = UserDefinedType.VectorUdtClass } };

        var udt = Assert.IsType<UserDefinedType>(DataTypeConverter.FromProto(proto));

        Assert.True(udt.IsVector);
        Assert.Equal(UserDefinedType.Vector.SqlType, udt.SqlType);
    }

    [Fact]
    public void FromProto_Unparsed_ParsesDdl()
    {
        var proto = new Proto.DataType { Unparsed = new Proto.DataType.Types.Unparsed { DataTypeString = "array<decimal(5,1)>" } };

        Assert.Equal(new ArrayType(new DecimalType(5, 1)), DataTypeConverter.FromProto(proto));
    }

    public static TheoryData<DataType> Types() => new()
    {
        new NullType(),
        new BooleanType(),
        new ByteType(),
        new ShortType(),
        new IntegerType(),
        new LongType(),
        new FloatType(),
        new DoubleType(),
        new DecimalType(38, 18),
        new StringType(),
        new CharType(3),
        new VarcharType(20),
        new BinaryType(),
        new DateType(),
        new TimestampType(),
        new TimestampNtzType(),
        new DayTimeIntervalType(),
        new YearMonthIntervalType(),
        new ArrayType(new StringType(), ContainsNull: false),
        new MapType(new StringType(), new ArrayType(new DoubleType()), ValueContainsNull: false),
        StructType.FromDdl("id BIGINT NOT NULL, tags ARRAY<STRING>, nested STRUCT<a: INT, b: MAP<STRING, DOUBLE>>"),
        UserDefinedType.Vector,
    };
}
