using Apache.Arrow;
using CxSpark.Connect.Arrow;
using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using Google.Protobuf;

namespace CxSpark.Connect.Tests.Arrow;

public sealed class LocalRelationWriterTests
{
    [Fact]
    public void Write_ThenDecode_ReturnsTheSameRows()
    {
        StructType schema = StructType.FromDdl(
            "id BIGINT NOT NULL, name STRING, price DECIMAL(10,2), day DATE, ts TIMESTAMP, local TIMESTAMP_NTZ, ok BOOLEAN, tags ARRAY<STRING>, point STRUCT<x: DOUBLE, y: DOUBLE>");
        var instant = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var local = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified);
        object?[][] input =
        [
            [1L, "ann", 12.34m, new DateOnly(2024, 1, 2), instant, local, true, new[] { "a", "b" }, new object?[] { 1.0, 2.0 }],
            [2L, null, null, null, null, null, null, null, null],
        ];

        List<Row> rows = RoundTrip(schema, input);

        Assert.Equal(2, rows.Count);
        Assert.Equal(input[0][..7], rows[0].Values.Take(7));
        Assert.Equal(new object?[] { "a", "b" }, rows[0]["tags"]);
        Row point = Assert.IsType<Row>(rows[0]["point"]);
        Assert.Equal([1.0, 2.0], point.Values);
        Assert.Equal(new object?[] { 2L, null, null, null, null, null, null, null, null }, rows[1].Values);
    }

    [Fact]
    public void Write_Vectors_DecodeAsDoubleArrays()
    {
        var schema = new StructType([new StructField("features", UserDefinedType.Vector)]);

        List<Row> rows = RoundTrip(schema, [[new[] { 0.5, 1.5 }], [null]]);

        Assert.Equal(new[] { 0.5, 1.5 }, rows[0][0]);
        Assert.Null(rows[1][0]);
    }

    [Fact]
    public void Write_NoRows_KeepsSchema()
    {
        StructType schema = StructType.FromDdl("id INT, name STRING");

        List<RecordBatch> batches = ArrowBatchReader.Decode(ByteString.CopyFrom(LocalRelationWriter.Write(schema, [])));

        RecordBatch batch = Assert.Single(batches);
        Assert.Equal(0, batch.Length);
        Assert.Equal(schema, ArrowBatches.ToSparkSchema(batch.Schema));
    }

    [Fact]
    public void Write_ValueOfWrongType_Throws()
    {
        StructType schema = StructType.FromDdl("d DATE");

        Assert.Throws<ArgumentException>(() => LocalRelationWriter.Write(schema, [["2024-01-01"]]));
    }

    private static List<Row> RoundTrip(StructType schema, IReadOnlyList<object?[]> input)
    {
        byte[] ipc = LocalRelationWriter.Write(schema, input);
        return ArrowBatchReader.Decode(ByteString.CopyFrom(ipc)).SelectMany(b => ArrowRowConverter.ToRows(b, schema)).ToList();
    }
}
