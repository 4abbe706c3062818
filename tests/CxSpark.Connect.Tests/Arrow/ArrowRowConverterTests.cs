using Apache.Arrow;
using CxSpark.Connect.Arrow;
using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using ArrowTypes = Apache.Arrow.Types;

namespace CxSpark.Connect.Tests.Arrow;

public sealed class ArrowRowConverterTests
{
    [Fact]
    public void ToRows_IntsAndStringsWithNulls_KeepNulls()
    {
        Int32Array ids = new Int32Array.Builder().Append(1).AppendNull().Append(3).Build();
        StringArray names = new StringArray.Builder().Append("ann").Append("bob").AppendNull().Build();
        StructType schema = StructType.FromDdl("id INT, name STRING");

        List<Row> rows = ToRows(schema, ids, names);

        Assert.Equal(3, rows.Count);
        Assert.Equal([1, null, 3], rows.Select(r => r["id"]));
        Assert.Equal(["ann", "bob", null], rows.Select(r => r.GetString("name")));
        Assert.Same(schema, rows[0].Schema);
    }

    [Fact]
    public void ToRows_TimestampWithZone_IsUtcDateTimeOffset()
    {
        var instant = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1230);
        TimestampArray values = new TimestampArray.Builder(new ArrowTypes.TimestampType(ArrowTypes.TimeUnit.Microsecond, "UTC"))
            .Append(instant).AppendNull().Build();

        List<Row> rows = ToRows(StructType.FromDdl("ts TIMESTAMP"), values);

        Assert.Equal(instant, rows[0][0]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)rows[0][0]!).Offset);
        Assert.Null(rows[1][0]);
    }

    [Fact]
    public void ToRows_TimestampWithoutZone_IsUnspecifiedDateTime()
    {
        TimestampArray values = new TimestampArray.Builder(new ArrowTypes.TimestampType(ArrowTypes.TimeUnit.Microsecond, (string?)null))
            .Append(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero)).AppendNull().Build();

        List<Row> rows = ToRows(StructType.FromDdl("ts TIMESTAMP_NTZ"), values);

        var local = Assert.IsType<DateTime>(rows[0][0]);
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
        Assert.Null(rows[1][0]);
    }

    [Fact]
    public void ToRows_Dates_AreDateOnly()
    {
        Date32Array dates = new Date32Array.Builder().Append(new DateOnly(2024, 2, 29)).AppendNull().Build();

        List<Row> rows = ToRows(StructType.FromDdl("d DATE"), dates);

        Assert.Equal(new DateOnly(2024, 2, 29), rows[0][0]);
        Assert.Null(rows[1][0]);
    }

    [Fact]
    public void ToRows_Decimals_AreDecimalWithScale()
    {
        Decimal128Array values = new Decimal128Array.Builder(new ArrowTypes.Decimal128Type(10, 2)).Append(1234.5m).Append(-0.01m).AppendNull().Build();

        List<Row> rows = ToRows(StructType.FromDdl("amount DECIMAL(10,2)"), values);

        Assert.Equal([1234.50m, -0.01m, null], rows.Select(r => r[0]));
        Assert.Equal("1234.50", ((decimal)rows[0][0]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToRows_Lists_AreObjectArrays()
    {
        var builder = new ListArray.Builder(ArrowTypes.Int32Type.Default);
        var values = (Int32Array.Builder)builder.ValueBuilder;
        builder.Append();
        values.Append(1).AppendNull().Append(3);
        builder.AppendNull();
        builder.Append();
        ListArray lists = builder.Build();

        List<Row> rows = ToRows(StructType.FromDdl("xs ARRAY<INT>"), lists);

        Assert.Equal(new object?[] { 1, null, 3 }, rows[0][0]);
        Assert.Null(rows[1][0]);
        Assert.Equal(System.Array.Empty<object?>(), rows[2][0]);
    }

    [Fact]
    public void ToRows_Maps_AreDictionaries()
    {
        var builder = new MapArray.Builder(new ArrowTypes.MapType(ArrowTypes.StringType.Default, ArrowTypes.DoubleType.Default));
        var keys = (StringArray.Builder)builder.KeyBuilder;
        var values = (DoubleArray.Builder)builder.ValueBuilder;
        builder.Append();
        keys.Append("a");
        values.Append(1.5);
        keys.Append("b");
        values.AppendNull();
        builder.AppendNull();
        MapArray maps = builder.Build();

        List<Row> rows = ToRows(StructType.FromDdl("m MAP<STRING, DOUBLE>"), maps);

        var map = Assert.IsType<Dictionary<object, object?>>(rows[0][0]);
        Assert.Equal(2, map.Count);
        Assert.Equal(1.5, map["a"]);
        Assert.Null(map["b"]);
        Assert.Null(rows[1][0]);
    }

    [Fact]
    public void ToRows_Structs_AreNestedRows()
    {
        StructType inner = StructType.FromDdl("a INT, b STRING");
        var arrowType = (ArrowTypes.StructType)ArrowBatches.ToArrowType(inner);
        Int32Array a = new Int32Array.Builder().Append(7).Append(0).Build();
        StringArray b = new StringArray.Builder().Append("x").Append(string.Empty).Build();
        var validity = new ArrowBuffer.BitmapBuilder().Append(true).Append(false).Build();
        var structs = new StructArray(arrowType, 2, [a, b], validity, nullCount: 1);

        List<Row> rows = ToRows(new StructType([new StructField("s", inner)]), structs);

        var nested = Assert.IsType<Row>(rows[0][0]);
        Assert.Equal(7, nested["a"]);
        Assert.Equal("x", nested["b"]);
        Assert.Equal(inner, nested.Schema);
        Assert.Null(rows[1][0]);
    }

    [Fact]
    public void ToRows_VectorUdt_DenseAndSparseBecomeDoubleArrays()
    {
        StructArray vectors = Vectors(
            (Kind: 1, Size: null, Indices: null, Values: [1.0, 2.0, 3.0]),
            (Kind: 0, Size: 4, Indices: [1, 3], Values: [5.0, 7.0]),
            null);
        var schema = new StructType([new StructField("features", UserDefinedType.Vector)]);

        List<Row> rows = ToRows(schema, vectors);

        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, rows[0][0]);
        Assert.Equal(new[] { 0.0, 5.0, 0.0, 7.0 }, rows[1][0]);
        Assert.Null(rows[2][0]);
    }

    private static List<Row> ToRows(StructType schema, params IArrowArray[] columns)
    {
        var arrowSchema = new Schema(
            schema.Fields.Select((f, i) => new Field(f.Name, columns[i].Data.DataType, f.Nullable)).ToList(), metadata: null);
        var batch = new RecordBatch(arrowSchema, columns, columns[0].Length);
        return ArrowRowConverter.ToRows(batch, schema).ToList();
    }

    private static StructArray Vectors(params (int Kind, int? Size, int[]? Indices, double[] Values)?[] vectors)
    {
        var kinds = new Int8Array.Builder();
        var sizes = new Int32Array.Builder();
        var indices = new ListArray.Builder(ArrowTypes.Int32Type.Default);
        var values = new ListArray.Builder(ArrowTypes.DoubleType.Default);
        var validity = new ArrowBuffer.BitmapBuilder();
        int nulls = 0;
        foreach ((int Kind, int? Size, int[]? Indices, double[] Values)? vector in vectors)
        {
            validity.Append(vector is not null);
            if (vector is not { } v)
            {
                nulls++;
                kinds.Append(0);
                sizes.AppendNull();
                indices.AppendNull();
                values.AppendNull();
                continue;
            }

            kinds.Append((sbyte)v.Kind);
            sizes.Append(v.Size);
            if (v.Indices is null)
            {
                indices.AppendNull();
            }
            else
            {
                indices.Append();
                ((Int32Array.Builder)indices.ValueBuilder).AppendRange(v.Indices);
            }

            values.Append();
            ((DoubleArray.Builder)values.ValueBuilder).AppendRange(v.Values);
        }

        var type = (ArrowTypes.StructType)ArrowBatches.ToArrowType(UserDefinedType.Vector);
        return new StructArray(type, vectors.Length, [kinds.Build(), sizes.Build(), indices.Build(), values.Build()], validity.Build(), nulls);
    }
}
