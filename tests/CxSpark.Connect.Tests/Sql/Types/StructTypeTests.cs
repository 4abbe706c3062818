using CxSpark.Connect.Sql.Types;

namespace CxSpark.Connect.Tests.Sql.Types;

public sealed class StructTypeTests
{
    [Fact]
    public void FromDdl_NestedTypes_ParsesEveryLevel()
    {
        StructType schema = StructType.FromDdl("items ARRAY<STRUCT<a: INT, b: MAP<STRING, DOUBLE>>>, price DECIMAL(10,2) NOT NULL");

        var expected = new StructType(
        [
            new StructField(
                "items",
                new ArrayType(new StructType(
                [
                    new StructField("a", new IntegerType()),
                    new StructField("b", new MapType(new StringType(), new DoubleType())),
                ]))),
            new StructField("price", new DecimalType(10, 2), Nullable: false),
        ]);
        Assert.Equal(expected, schema);
    }

    [Fact]
    public void FromDdl_CommentAndBackquotedNames_AreRead()
    {
        StructType schema = StructType.FromDdl("`order id` BIGINT NOT NULL COMMENT 'the key', `we``ird` STRING COMMENT 'it''s odd'");

        Assert.Equal(["order id", "we`ird"], schema.FieldNames);
        Assert.False(schema.Fields[0].Nullable);
        Assert.Equal("""{"comment":"the key"}""", schema.Fields[0].Metadata);
        Assert.Equal("it's odd", System.Text.Json.JsonDocument.Parse(schema.Fields[1].Metadata).RootElement.GetProperty("comment").GetString());
    }

    [Fact]
    public void FromDdl_ColonsAndCase_AreAccepted()
    {
        StructType schema = StructType.FromDdl("a: int, b bigint, c timestamp_ntz, d struct<x:string not null>");

        Assert.Equal(new IntegerType(), schema["a"].DataType);
        Assert.Equal(new LongType(), schema["b"].DataType);
        Assert.Equal(new TimestampNtzType(), schema["c"].DataType);
        Assert.False(((StructType)schema["d"].DataType).Fields[0].Nullable);
    }

    [Theory]
    [InlineData("a INT,")]
    [InlineData("a BLOB")]
    [InlineData("a ARRAY<INT")]
    [InlineData("a DECIMAL(10,")]
    [InlineData("`a INT")]
    public void FromDdl_Invalid_ThrowsFormatException(string ddl)
    {
        Assert.Throws<FormatException>(() => StructType.FromDdl(ddl));
    }

    [Fact]
    public void Json_SimpleStruct_IsSparksJsonForm()
    {
        StructType schema = new StructType([]).Add("a", new IntegerType());

        Assert.Equal("""{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}}]}""", schema.Json);
    }

    [Fact]
    public void Json_NestedTypes_IsSparksJsonForm()
    {
        StructType schema = StructType.FromDdl("xs ARRAY<BIGINT> NOT NULL, m MAP<STRING, DECIMAL(10,2)>");

        Assert.Equal(
            """{"type":"struct","fields":[{"name":"xs","type":{"type":"array","elementType":"long","containsNull":true},"nullable":false,"metadata":{}},"""
            + """{"name":"m","type":{"type":"map","keyType":"string","valueType":"decimal(10,2)","valueContainsNull":true},"nullable":true,"metadata":{}}]}""",
            schema.Json);
    }

    [Theory]
    [InlineData("id BIGINT NOT NULL, name STRING COMMENT 'full name', price DECIMAL(10,2)")]
    [InlineData("items ARRAY<STRUCT<a: INT, b: MAP<STRING, DOUBLE>>>, ts TIMESTAMP, ntz TIMESTAMP_NTZ, d DATE, bin BINARY")]
    [InlineData("b BOOLEAN, t TINYINT, s SMALLINT, f FLOAT, c CHAR(3), v VARCHAR(10), n VOID")]
    public void FromJson_OfJson_ReturnsEqualSchema(string ddl)
    {
        StructType schema = StructType.FromDdl(ddl);

        Assert.Equal(schema, DataType.FromJson(schema.Json));
    }

    [Fact]
    public void FromJson_SparkOutput_IsRead()
    {
        const string Json = """{"type":"struct","fields":[{"name":"v","type":{"type":"udt","class":"org.apache.spark.ml.linalg.VectorUDT","pyClass":"pyspark.ml.linalg.VectorUDT","sqlType":{"type":"struct","fields":[{"name":"type","type":"byte","nullable":false,"metadata":{}},{"name":"size","type":"integer","nullable":true,"metadata":{}},{"name":"indices","type":{"type":"array","elementType":"integer","containsNull":false},"nullable":true,"metadata":{}},{"name":"values","type":{"type":"array","elementType":"double","containsNull":false},"nullable":true,"metadata":{}}]}},"nullable":true,"metadata":{}}]}""";

        var schema = (StructType)DataType.FromJson(Json);

        Assert.Equal(UserDefinedType.Vector, schema["v"].DataType);
    }

    [Theory]
    [InlineData("interval day to second")]
    [InlineData("interval year to month")]
    public void FromJson_IntervalTypeNames_AreRead(string name)
    {
        DataType type = DataType.FromJson($"\"{name}\"");

        Assert.Equal(name, type.TypeName);
    }

    [Fact]
    public void FromJson_NotJson_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => DataType.FromJson("{type:"));
    }

    [Fact]
    public void Ddl_Schema_IsSparksToDdlForm()
    {
        StructType schema = StructType.FromDdl("id BIGINT NOT NULL, `order date` DATE, tags ARRAY<STRING>, attrs MAP<STRING, STRUCT<a: INT, `b c`: DOUBLE>>");

        Assert.Equal("id BIGINT NOT NULL,`order date` DATE,tags ARRAY<STRING>,attrs MAP<STRING, STRUCT<a: INT, `b c`: DOUBLE>>", schema.Ddl);
        Assert.Equal(schema, StructType.FromDdl(schema.Ddl));
    }

    [Fact]
    public void Ddl_FieldWithComment_KeepsComment()
    {
        StructType schema = StructType.FromDdl("name STRING COMMENT 'it''s the name'");

        Assert.Equal("name STRING COMMENT 'it\\'s the name'", schema.Ddl);
        Assert.Equal(schema, StructType.FromDdl(schema.Ddl));
    }

    [Fact]
    public void SimpleString_IsSparksShortForm()
    {
        Assert.Equal("struct<a:int,b:array<bigint>,c:map<string,decimal(10,2)>>", StructType.FromDdl("a INT, b ARRAY<BIGINT>, c MAP<STRING, DECIMAL(10,2)>").SimpleString);
    }

    [Fact]
    public void Indexer_UnknownField_ThrowsKeyNotFoundNamingIt()
    {
        KeyNotFoundException error = Assert.Throws<KeyNotFoundException>(() => StructType.FromDdl("a INT")["b"]);
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_AddsFieldsInOrder()
    {
        StructType schema = StructType.CreateBuilder().Add("a", new IntegerType(), nullable: false).Add("b", new StringType()).Build();

        Assert.Equal(StructType.FromDdl("a INT NOT NULL, b STRING"), schema);
    }
}
