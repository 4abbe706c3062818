using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using CxSpark.Connect.Arrow;
using CxSpark.Connect.Sql.Types;
using Google.Protobuf;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Frames from local data, sent to Spark as Arrow.</summary>
public sealed partial class SparkSession
{
    /// <summary>The encoded size above which <see cref="CreateDataFrameAsync(IEnumerable{object?[]}, StructType, CancellationToken)"/>
    /// uploads local data as a cached artifact instead of inlining it in the plan.</summary>
    public const int LocalRelationCacheThreshold = 4 * 1024 * 1024;

    /// <summary>A frame of local rows with the given schema, inlined in the plan (for small data).</summary>
    /// <exception cref="ArgumentException">A value does not fit its column's type.</exception>
    public DataFrame CreateDataFrame(IEnumerable<object?[]> rows, StructType schema)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(schema);
        return NewDataFrame(LocalRelation(LocalRelationWriter.Write(schema, rows.ToList()), schema));
    }

    /// <summary>A frame of local rows with a DDL schema, such as <c>id INT, name STRING</c>.</summary>
    public DataFrame CreateDataFrame(IEnumerable<object?[]> rows, string schemaDdl) => CreateDataFrame(rows, StructType.FromDdl(schemaDdl));

    /// <summary>A frame of C# objects, one column per public property (in declaration order).</summary>
    public DataFrame CreateDataFrame<T>(IEnumerable<T> items)
    {
        (StructType schema, List<object?[]> rows) = FromObjects(items);
        return CreateDataFrame(rows, schema);
    }

    /// <summary>A frame of a <see cref="Microsoft.Data.Analysis.DataFrame"/>, one Spark column per column.</summary>
    public DataFrame CreateDataFrame(Microsoft.Data.Analysis.DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var schema = new StructType(frame.Columns.Select(c => new StructField(c.Name, TypeOf(c.DataType))));
        var rows = new List<object?[]>((int)frame.Rows.Count);
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            rows.Add(frame.Columns.Select(c => c[r]).ToArray());
        }

        return CreateDataFrame(rows, schema);
    }

    /// <summary>A frame of local rows; above <see cref="LocalRelationCacheThreshold"/> the data is uploaded once
    /// and cached on the server rather than resent with every plan.</summary>
    public async Task<DataFrame> CreateDataFrameAsync(IEnumerable<object?[]> rows, StructType schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(schema);
        byte[] data = LocalRelationWriter.Write(schema, rows.ToList());
        Proto.Relation relation = LocalRelation(data, schema);
        if (data.Length <= LocalRelationCacheThreshold)
        {
            return NewDataFrame(relation);
        }

        byte[] serialized = relation.LocalRelation.ToByteArray();
        string hash = Convert.ToHexStringLower(SHA256.HashData(serialized));
        await Client.UploadArtifactAsync($"cache/{hash}", serialized, cancellationToken).ConfigureAwait(false);
        return NewDataFrame(new Proto.Relation { CachedLocalRelation = new Proto.CachedLocalRelation { Hash = hash } });
    }

    private static Proto.Relation LocalRelation(byte[] data, StructType schema) => new()
    {
        LocalRelation = new Proto.LocalRelation { Data = ByteString.CopyFrom(data), Schema = schema.Json },
    };

    private static (StructType Schema, List<object?[]> Rows) FromObjects<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        PropertyInfo[] properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .ToArray();
        var schema = new StructType(properties.Select(p => new StructField(p.Name, TypeOf(p.PropertyType), IsNullable(p.PropertyType))));
        var rows = items.Select(item => properties.Select(p => p.GetValue(item)).ToArray()).ToList();
        return (schema, rows);
    }

    private static bool IsNullable(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static DataType TypeOf(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(decimal))
        {
            return new DecimalType(38, 18);
        }

        if (t == typeof(DateTime))
        {
            return new TimestampType();
        }

        if (t != typeof(string) && t != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(t))
        {
            Type element = t.IsArray ? t.GetElementType()! : t.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            return new ArrayType(TypeOf(element), IsNullable(element));
        }

        object? sample = t == typeof(string) ? string.Empty : t == typeof(byte[]) ? Array.Empty<byte>() : t.IsValueType ? Activator.CreateInstance(t) : null;
        return Plans.LiteralConverter.TypeOf(sample) is { } type2 and not NullType
            ? type2
            : throw new ArgumentException($"Property type {type.Name} has no Spark equivalent.");
    }
}
