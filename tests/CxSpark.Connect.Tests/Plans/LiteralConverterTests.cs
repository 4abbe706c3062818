using CxSpark.Connect.Plans;
using CxSpark.Connect.Sql.Types;
using Google.Protobuf;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Plans;

#pragma warning disable CS0612 // the deprecated element_type/key_type fields are still filled for Spark 4.0 servers

public sealed class LiteralConverterTests
{
    [Fact]
    public void ToLiteral_Int_IsInteger()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(42);
        Assert.Equal(Proto.Expression.Types.Literal.LiteralTypeOneofCase.Integer, literal.LiteralTypeCase);
        Assert.Equal(42, literal.Integer);
    }

    [Fact]
    public void ToLiteral_Long_IsLong()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(42L);
        Assert.Equal(Proto.Expression.Types.Literal.LiteralTypeOneofCase.Long, literal.LiteralTypeCase);
        Assert.Equal(42L, literal.Long);
    }

    [Fact]
    public void ToLiteral_SmallNumbersAndText_UseTheirOwnKinds()
    {
        Assert.Equal(7, LiteralConverter.ToLiteral((short)7).Short);
        Assert.Equal(-3, LiteralConverter.ToLiteral((sbyte)-3).Byte);
        Assert.Equal(1.5f, LiteralConverter.ToLiteral(1.5f).Float);
        Assert.Equal(2.25, LiteralConverter.ToLiteral(2.25).Double);
        Assert.True(LiteralConverter.ToLiteral(true).Boolean);
        Assert.Equal("héllo", LiteralConverter.ToLiteral("héllo").String);
        Assert.Equal("x", LiteralConverter.ToLiteral('x').String);
        Assert.Equal(new byte[] { 1, 2, 3 }, LiteralConverter.ToLiteral(new byte[] { 1, 2, 3 }).Binary.ToByteArray());
    }

    [Theory]
    [InlineData("123.45", 5, 2)]
    [InlineData("-1234.5", 5, 1)]
    [InlineData("0.05", 2, 2)]
    [InlineData("7", 1, 0)]
    [InlineData("1000.000", 7, 3)]
    public void ToLiteral_Decimal_CarriesPrecisionAndScale(string text, int precision, int scale)
    {
        decimal value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Proto.Expression.Types.Literal.Types.Decimal literal = LiteralConverter.ToLiteral(value).Decimal;

        Assert.Equal(text, literal.Value);
        Assert.Equal(precision, literal.Precision);
        Assert.Equal(scale, literal.Scale);
    }

    [Fact]
    public void ToLiteral_DateOnly_IsDaysSinceEpoch()
    {
        Assert.Equal(19723, LiteralConverter.ToLiteral(new DateOnly(2024, 1, 1)).Date);
        Assert.Equal(-1, LiteralConverter.ToLiteral(new DateOnly(1969, 12, 31)).Date);
    }

    [Fact]
    public void ToLiteral_DateTimeOffset_IsUtcMicroseconds()
    {
        var value = new DateTimeOffset(2024, 1, 1, 0, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4560);

        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(value);

        Assert.Equal(Proto.Expression.Types.Literal.LiteralTypeOneofCase.Timestamp, literal.LiteralTypeCase);
        Assert.Equal(((1_704_067_200L - 7_200) * 1_000_000) + 123_456, literal.Timestamp);
    }

    [Fact]
    public void ToLiteral_UnspecifiedDateTime_IsTimestampNtz()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(new DateTime(1970, 1, 2, 0, 0, 1, DateTimeKind.Unspecified));

        Assert.Equal(Proto.Expression.Types.Literal.LiteralTypeOneofCase.TimestampNtz, literal.LiteralTypeCase);
        Assert.Equal(86_401_000_000L, literal.TimestampNtz);
    }

    [Fact]
    public void ToLiteral_TimeSpan_IsDayTimeIntervalMicroseconds()
    {
        Assert.Equal(90_000_000L, LiteralConverter.ToLiteral(TimeSpan.FromSeconds(90)).DayTimeInterval);
    }

    [Fact]
    public void ToLiteral_Null_IsTypedNull()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(null);

        Assert.Equal(Proto.Expression.Types.Literal.LiteralTypeOneofCase.Null, literal.LiteralTypeCase);
        Assert.Equal(Proto.DataType.KindOneofCase.Null, literal.DataType.KindCase);
    }

    [Fact]
    public void ToLiteral_IntArray_HasIntegerElementsAndArrayDataType()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(new[] { 1, 2, 3 });

        Assert.Equal([1, 2, 3], literal.Array.Elements.Select(e => e.Integer));
        Assert.Equal(Proto.DataType.KindOneofCase.Integer, literal.Array.ElementType.KindCase);
        Assert.Equal(Proto.DataType.KindOneofCase.Integer, literal.DataType.Array.ElementType.KindCase);
        Assert.True(literal.DataType.Array.ContainsNull);
    }

    [Fact]
    public void ToLiteral_EmptyStringList_HasStringElementType()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(new List<string>());

        Assert.Empty(literal.Array.Elements);
        Assert.Equal(Proto.DataType.KindOneofCase.String, literal.DataType.Array.ElementType.KindCase);
    }

    [Fact]
    public void ToLiteral_ObjectArray_TakesTypeFromFirstValue()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(new object?[] { null, 2L, 3L });

        Assert.Equal(Proto.DataType.KindOneofCase.Long, literal.DataType.Array.ElementType.KindCase);
        Assert.Equal(Proto.Expression.Types.Literal.LiteralTypeOneofCase.Null, literal.Array.Elements[0].LiteralTypeCase);
        Assert.Equal(3L, literal.Array.Elements[2].Long);
    }

    [Fact]
    public void ToLiteral_DecimalArray_ElementTypeFitsEveryElement()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(new[] { 1.5m, 123.25m, 0.125m });

        Proto.DataType.Types.Decimal elementType = literal.DataType.Array.ElementType.Decimal;
        Assert.Equal(6, elementType.Precision);
        Assert.Equal(3, elementType.Scale);
        Assert.Equal(elementType, literal.Array.ElementType.Decimal);
    }

    [Fact]
    public void ToLiteral_Dictionary_IsMapWithKeyAndValueTypes()
    {
        Proto.Expression.Types.Literal literal = LiteralConverter.ToLiteral(new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 });

        Assert.Equal(["a", "b"], literal.Map.Keys.Select(k => k.String));
        Assert.Equal([1L, 2L], literal.Map.Values.Select(v => v.Long));
        Assert.Equal(Proto.DataType.KindOneofCase.String, literal.DataType.Map.KeyType.KindCase);
        Assert.Equal(Proto.DataType.KindOneofCase.Long, literal.DataType.Map.ValueType.KindCase);
    }

    [Fact]
    public void ToLiteral_UnsupportedType_ThrowsArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => LiteralConverter.ToLiteral(Guid.Empty));
        Assert.Contains("Guid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RoundTripValues))]
    public void FromLiteral_OfToLiteral_ReturnsTheValue(object value)
    {
        Assert.Equal(value, LiteralConverter.FromLiteral(LiteralConverter.ToLiteral(value)));
    }

    [Fact]
    public void FromLiteral_Binary_ReturnsBytes()
    {
        var literal = new Proto.Expression.Types.Literal { Binary = ByteString.CopyFrom(9, 8) };
        Assert.Equal(new byte[] { 9, 8 }, LiteralConverter.FromLiteral(literal));
    }

    [Fact]
    public void TypeOf_Values_AreSparkTypes()
    {
        Assert.Equal(new IntegerType(), LiteralConverter.TypeOf(1));
        Assert.Equal(new DecimalType(5, 2), LiteralConverter.TypeOf(123.45m));
        Assert.Equal(new TimestampType(), LiteralConverter.TypeOf(DateTimeOffset.UnixEpoch));
        Assert.Equal(new TimestampNtzType(), LiteralConverter.TypeOf(new DateTime(2024, 1, 1)));
        Assert.Null(LiteralConverter.TypeOf(Guid.Empty));
    }

    public static TheoryData<object> RoundTripValues() => new()
    {
        42,
        42L,
        2.5,
        "text",
        true,
        123.45m,
        new DateOnly(2024, 2, 29),
        new DateTimeOffset(2024, 3, 1, 12, 30, 0, TimeSpan.Zero),
        new DateTime(2024, 3, 1, 12, 30, 0, DateTimeKind.Unspecified),
        TimeSpan.FromMinutes(3),
    };
}
