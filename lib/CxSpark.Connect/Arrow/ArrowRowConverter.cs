using System.Data.SqlTypes;
using Apache.Arrow;
using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;

namespace CxSpark.Connect.Arrow;

/// <summary>Turns Arrow record batches into <see cref="Row"/>s, guided by Spark's own result schema.</summary>
internal static class ArrowRowConverter
{
    internal static IEnumerable<Row> ToRows(RecordBatch batch, StructType schema)
    {
        var readers = new Func<int, object?>[batch.ColumnCount];
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            DataType? type = c < schema.Fields.Count ? schema.Fields[c].DataType : null;
            readers[c] = Reader(batch.Column(c), type);
        }

        for (int r = 0; r < batch.Length; r++)
        {
            yield return new Row(schema, readers, r);
        }
    }

    private static Func<int, object?> Reader(IArrowArray array, DataType? type)
    {
        if (type is UserDefinedType { IsVector: true } && array is StructArray vectors)
        {
            return i => vectors.IsNull(i) ? null : ReadVector(vectors, i);
        }

        return array switch
        {
            BooleanArray a => i => a.GetValue(i),
            Int8Array a => i => a.GetValue(i),
            Int16Array a => i => a.GetValue(i),
            Int32Array a => i => a.GetValue(i),
            Int64Array a => i => a.GetValue(i),
            FloatArray a => i => a.GetValue(i),
            DoubleArray a => i => a.GetValue(i),
            StringArray a => i => a.GetString(i),
            LargeStringArray a => i => a.GetString(i),
            BinaryArray a => i => a.IsNull(i) ? null : a.GetBytes(i).ToArray(),
            LargeBinaryArray a => i => a.IsNull(i) ? null : a.GetBytes(i).ToArray(),
            Date32Array a => i => a.GetDateOnly(i),
            Date64Array a => i => a.GetDateOnly(i),
            TimestampArray a when ((Apache.Arrow.Types.TimestampType)a.Data.DataType).Timezone is null =>
                i => a.IsNull(i) ? null : a.GetTimestamp(i)!.Value.UtcDateTime is var dt ? DateTime.SpecifyKind(dt, DateTimeKind.Unspecified) : null,
            TimestampArray a => i => a.GetTimestamp(i),
            Decimal128Array a => i => ReadDecimal(a, i),
            DurationArray a => i => a.IsNull(i) ? null : TimeSpan.FromTicks(a.GetValue(i)!.Value * TimeSpan.TicksPerMicrosecond),
            MapArray a => MapReader(a, type as MapType),
            ListArray a => ListReader(a, (type as ArrayType)?.ElementType),
            StructArray a => StructReader(a, type as StructType),
            NullArray => _ => null,
            _ => throw new NotSupportedException($"Arrow type {array.Data.DataType.Name} in a Spark result is not supported by this client."),
        };
    }

    private static object? ReadDecimal(Decimal128Array array, int index)
    {
        if (array.IsNull(index))
        {
            return null;
        }

        try
        {
            return array.GetValue(index);
        }
        catch (OverflowException)
        {
            SqlDecimal? wide = array.GetSqlDecimal(index);
            return wide?.ToString();
        }
    }

    private static Func<int, object?> ListReader(ListArray array, DataType? elementType)
    {
        Func<int, object?> element = Reader(array.Values, elementType);
        return i =>
        {
            if (array.IsNull(i))
            {
                return null;
            }

            int start = array.ValueOffsets[i];
            int length = array.ValueOffsets[i + 1] - start;
            object?[] items = new object?[length];
            for (int k = 0; k < length; k++)
            {
                items[k] = element(start + k);
            }

            return items;
        };
    }

    private static Func<int, object?> MapReader(MapArray array, MapType? type)
    {
        Func<int, object?> key = Reader(array.Keys, type?.KeyType);
        Func<int, object?> value = Reader(array.Values, type?.ValueType);
        return i =>
        {
            if (array.IsNull(i))
            {
                return null;
            }

            int start = array.ValueOffsets[i];
            int end = array.ValueOffsets[i + 1];
            var map = new Dictionary<object, object?>();
            for (int k = start; k < end; k++)
            {
                map[key(k)!] = value(k);
            }

            return map;
        };
    }

    private static Func<int, object?> StructReader(StructArray array, StructType? type)
    {
        var fieldTypes = (Apache.Arrow.Types.StructType)array.Data.DataType;
        StructType schema = type ?? new StructType(fieldTypes.Fields.Select(f => new StructField(f.Name, new StringType())));
        Func<int, object?>[] fields = array.Fields.Select((f, k) => Reader(f, k < schema.Fields.Count ? schema.Fields[k].DataType : null)).ToArray();
        return i =>
        {
            if (array.IsNull(i))
            {
                return null;
            }

            object?[] values = new object?[fields.Length];
            for (int k = 0; k < fields.Length; k++)
            {
                values[k] = fields[k](i);
            }

            return new Row(schema, values);
        };
    }

    /// <summary>Reads an MLlib vector (struct of type, size, indices, values) as a dense <c>double[]</c>.</summary>
    private static double[] ReadVector(StructArray vectors, int index)
    {
        byte kind = ((Int8Array)vectors.Fields[0]).GetValue(index) is sbyte kindValue ? (byte)kindValue : (byte)1;
        var valuesList = (ListArray)vectors.Fields[3];
        var values = (DoubleArray)valuesList.Values;
        int start = valuesList.ValueOffsets[index];
        int length = valuesList.ValueOffsets[index + 1] - start;
        if (kind == 1)
        {
            return values.Values.Slice(start, length).ToArray();
        }

        int size = ((Int32Array)vectors.Fields[1]).GetValue(index) ?? 0;
        var indicesList = (ListArray)vectors.Fields[2];
        var indices = (Int32Array)indicesList.Values;
        int indexStart = indicesList.ValueOffsets[index];
        double[] dense = new double[size];
        for (int k = 0; k < length; k++)
        {
            dense[indices.GetValue(indexStart + k)!.Value] = values.GetValue(start + k)!.Value;
        }

        return dense;
    }
}
