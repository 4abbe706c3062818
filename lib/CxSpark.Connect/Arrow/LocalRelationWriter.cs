using System.Collections;
using Apache.Arrow;
using CxSpark.Connect.Sql.Types;
using ArrowTypes = Apache.Arrow.Types;

namespace CxSpark.Connect.Arrow;

/// <summary>Encodes local rows as an Arrow IPC stream for a Spark <c>LocalRelation</c>.</summary>
internal static class LocalRelationWriter
{
    private const int RowsPerBatch = 64 * 1024;

    internal static byte[] Write(StructType schema, IReadOnlyList<object?[]> rows)
    {
        var arrowSchema = new Schema(schema.Fields.Select(f => new Field(f.Name, ArrowBatches.ToArrowType(f.DataType), f.Nullable)).ToList(), null);
        var batches = new List<RecordBatch>();
        for (int start = 0; start < rows.Count || (start == 0 && batches.Count == 0); start += RowsPerBatch)
        {
            int length = Math.Min(RowsPerBatch, rows.Count - start);
            var columns = new IArrowArray[schema.Fields.Count];
            for (int c = 0; c < columns.Length; c++)
            {
                int column = c;
                int offset = start;
                columns[c] = Build(schema.Fields[c].DataType, Enumerable.Range(0, length).Select(i => rows[offset + i][column]).ToList());
            }

            batches.Add(new RecordBatch(arrowSchema, columns, length));
            if (length == 0)
            {
                break;
            }
        }

        return ArrowBatches.ToIpcStream(arrowSchema, batches);
    }

    internal static Microsoft.Data.Analysis.DataFrame EmptyFrame(StructType schema)
    {
        byte[] ipc = Write(schema, []);
        using var reader = new Apache.Arrow.Ipc.ArrowStreamReader(ipc);
        RecordBatch batch = reader.ReadNextRecordBatch();
        return Microsoft.Data.Analysis.DataFrame.FromArrowRecordBatch(batch);
    }

    private static IArrowArray Build(DataType type, IReadOnlyList<object?> values)
    {
        switch (type)
        {
            case BooleanType:
                return Fill(new BooleanArray.Builder(), values, (b, v) => b.Append(Convert.ToBoolean(v)), b => b.AppendNull()).Build();
            case ByteType:
                return Fill(new Int8Array.Builder(), values, (b, v) => b.Append(Convert.ToSByte(v)), b => b.AppendNull()).Build();
            case ShortType:
                return Fill(new Int16Array.Builder(), values, (b, v) => b.Append(Convert.ToInt16(v)), b => b.AppendNull()).Build();
            case IntegerType:
                return Fill(new Int32Array.Builder(), values, (b, v) => b.Append(Convert.ToInt32(v)), b => b.AppendNull()).Build();
            case LongType:
                return Fill(new Int64Array.Builder(), values, (b, v) => b.Append(Convert.ToInt64(v)), b => b.AppendNull()).Build();
            case FloatType:
                return Fill(new FloatArray.Builder(), values, (b, v) => b.Append(Convert.ToSingle(v)), b => b.AppendNull()).Build();
            case DoubleType:
                return Fill(new DoubleArray.Builder(), values, (b, v) => b.Append(Convert.ToDouble(v)), b => b.AppendNull()).Build();
            case StringType or CharType or VarcharType:
                return Fill(new StringArray.Builder(), values, (b, v) => b.Append(Convert.ToString(v)), b => b.AppendNull()).Build();
            case BinaryType:
                return Fill(new BinaryArray.Builder(), values, (b, v) => b.Append((byte[])v), b => b.AppendNull()).Build();
            case DateType:
                return Fill(new Date32Array.Builder(), values, (b, v) => b.Append(ToDate(v)), b => b.AppendNull()).Build();
            case TimestampType or TimestampNtzType:
                return Fill(new TimestampArray.Builder((ArrowTypes.TimestampType)ArrowBatches.ToArrowType(type)), values, (b, v) => b.Append(ToInstant(v)), b => b.AppendNull()).Build();
            case DecimalType d:
                return Fill(new Decimal128Array.Builder(new ArrowTypes.Decimal128Type(d.Precision, d.Scale)), values, (b, v) => b.Append(Convert.ToDecimal(v)), b => b.AppendNull()).Build();
            case NullType:
                return new NullArray(values.Count);
            case ArrayType a:
                return BuildList(a, values);
            case StructType s:
                return BuildStruct(s, values, v => v is Sql.Row row ? row.Values.ToArray() : (object?[])v);
            case UserDefinedType { IsVector: true } u:
                return BuildStruct((StructType)u.SqlType, values, v => [(sbyte)1, null, null, ((IEnumerable)v).Cast<object>().Select(Convert.ToDouble).ToArray()]);
            default:
                throw new NotSupportedException($"Spark type {type.SimpleString} cannot be sent as local data by this client.");
        }
    }

    private static TBuilder Fill<TBuilder>(TBuilder builder, IReadOnlyList<object?> values, Action<TBuilder, object> append, Action<TBuilder> appendNull)
    {
        foreach (object? value in values)
        {
            if (value is null)
            {
                appendNull(builder);
            }
            else
            {
                append(builder, value);
            }
        }

        return builder;
    }

    private static ListArray BuildList(ArrayType type, IReadOnlyList<object?> values)
    {
        var offsets = new ArrowBuffer.Builder<int>();
        var validity = new ArrowBuffer.BitmapBuilder();
        var children = new List<object?>();
        int nulls = 0;
        offsets.Append(0);
        foreach (object? value in values)
        {
            if (value is IEnumerable items and not string)
            {
                children.AddRange(items.Cast<object?>());
                validity.Append(true);
            }
            else
            {
                nulls++;
                validity.Append(false);
            }

            offsets.Append(children.Count);
        }

        IArrowArray child = Build(type.ElementType, children);
        return new ListArray(ArrowBatches.ToArrowType(type), values.Count, offsets.Build(), child, validity.Build(), nulls);
    }

    private static StructArray BuildStruct(StructType type, IReadOnlyList<object?> values, Func<object, object?[]> fieldsOf)
    {
        var validity = new ArrowBuffer.BitmapBuilder();
        var columns = type.Fields.Select(_ => new List<object?>(values.Count)).ToArray();
        int nulls = 0;
        foreach (object? value in values)
        {
            object?[] fields = value is null ? new object?[columns.Length] : fieldsOf(value);
            validity.Append(value is not null);
            nulls += value is null ? 1 : 0;
            for (int f = 0; f < columns.Length; f++)
            {
                columns[f].Add(fields[f]);
            }
        }

        IArrowArray[] children = type.Fields.Select((f, i) => Build(f.DataType, columns[i])).ToArray();
        return new StructArray(ArrowBatches.ToArrowType(type), values.Count, children, validity.Build(), nulls);
    }

    private static DateOnly ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
        _ => throw new ArgumentException($"A {value.GetType().Name} is not a date."),
    };

    private static DateTimeOffset ToInstant(object value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime { Kind: DateTimeKind.Unspecified } dt => new DateTimeOffset(dt, TimeSpan.Zero),
        DateTime dt => new DateTimeOffset(dt.ToUniversalTime()),
        _ => throw new ArgumentException($"A {value.GetType().Name} is not a timestamp."),
    };
}
