using Apache.Arrow;
using Apache.Arrow.Ipc;
using CxSpark.Connect.Sql.Types;
using ArrowTypes = Apache.Arrow.Types;

namespace CxSpark.Connect.Arrow;

/// <summary>Arrow schema mapping, concatenation and IPC serialisation.</summary>
internal static class ArrowBatches
{
    internal static RecordBatch Concatenate(IReadOnlyList<RecordBatch> batches)
    {
        if (batches.Count == 1)
        {
            return batches[0];
        }

        Schema schema = batches[0].Schema;
        var columns = new IArrowArray[schema.FieldsList.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = ArrowArrayConcatenator.Concatenate(batches.Select(b => b.Column(c)).ToList());
        }

        return new RecordBatch(schema, columns, batches.Sum(b => b.Length));
    }

    internal static byte[] ToIpcStream(Schema schema, IEnumerable<RecordBatch> batches)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            foreach (RecordBatch batch in batches)
            {
                writer.WriteRecordBatch(batch);
            }

            writer.WriteEnd();
        }

        return stream.ToArray();
    }

    internal static StructType ToSparkSchema(Schema schema) =>
        new(schema.FieldsList.Select(f => new StructField(f.Name, ToSparkType(f.DataType), f.IsNullable)));

    internal static DataType ToSparkType(ArrowTypes.IArrowType type) => type switch
    {
        ArrowTypes.BooleanType => new BooleanType(),
        ArrowTypes.Int8Type => new ByteType(),
        ArrowTypes.Int16Type => new ShortType(),
        ArrowTypes.Int32Type => new IntegerType(),
        ArrowTypes.Int64Type => new LongType(),
        ArrowTypes.UInt8Type => new ShortType(),
        ArrowTypes.UInt16Type => new IntegerType(),
        ArrowTypes.UInt32Type => new LongType(),
        ArrowTypes.FloatType => new FloatType(),
        ArrowTypes.DoubleType => new DoubleType(),
        ArrowTypes.StringType or ArrowTypes.LargeStringType => new StringType(),
        ArrowTypes.BinaryType or ArrowTypes.LargeBinaryType => new BinaryType(),
        ArrowTypes.Date32Type or ArrowTypes.Date64Type => new DateType(),
        ArrowTypes.TimestampType t when t.Timezone is null => new TimestampNtzType(),
        ArrowTypes.TimestampType => new TimestampType(),
        ArrowTypes.Decimal128Type d => new DecimalType(d.Precision, d.Scale),
        ArrowTypes.NullType => new NullType(),
        ArrowTypes.MapType m => new MapType(ToSparkType(m.KeyField.DataType), ToSparkType(m.ValueField.DataType), m.ValueField.IsNullable),
        ArrowTypes.ListType l => new ArrayType(ToSparkType(l.ValueDataType), l.ValueField.IsNullable),
        ArrowTypes.StructType s => new StructType(s.Fields.Select(f => new StructField(f.Name, ToSparkType(f.DataType), f.IsNullable))),
        _ => throw new NotSupportedException($"Arrow type {type.Name} has no Spark equivalent in this client."),
    };

    internal static ArrowTypes.IArrowType ToArrowType(DataType type) => type switch
    {
        BooleanType => ArrowTypes.BooleanType.Default,
        ByteType => ArrowTypes.Int8Type.Default,
        ShortType => ArrowTypes.Int16Type.Default,
        IntegerType => ArrowTypes.Int32Type.Default,
        LongType => ArrowTypes.Int64Type.Default,
        FloatType => ArrowTypes.FloatType.Default,
        DoubleType => ArrowTypes.DoubleType.Default,
        StringType or CharType or VarcharType => ArrowTypes.StringType.Default,
        BinaryType => ArrowTypes.BinaryType.Default,
        DateType => ArrowTypes.Date32Type.Default,
        TimestampType => new ArrowTypes.TimestampType(ArrowTypes.TimeUnit.Microsecond, "UTC"),
        TimestampNtzType => new ArrowTypes.TimestampType(ArrowTypes.TimeUnit.Microsecond, (string?)null),
        DecimalType d => new ArrowTypes.Decimal128Type(d.Precision, d.Scale),
        NullType => ArrowTypes.NullType.Default,
        ArrayType a => new ArrowTypes.ListType(new Field("element", ToArrowType(a.ElementType), a.ContainsNull)),
        StructType s => new ArrowTypes.StructType(s.Fields.Select(f => new Field(f.Name, ToArrowType(f.DataType), f.Nullable)).ToList()),
        UserDefinedType u => ToArrowType(u.SqlType),
        _ => throw new NotSupportedException($"Spark type {type.SimpleString} cannot be sent as local data by this client."),
    };
}
