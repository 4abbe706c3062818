namespace CxSpark.Connect.Sql.Types;

/// <summary>A row type: an ordered list of named fields; the schema of a <see cref="DataFrame"/>.</summary>
/// <remarks>Immutable; build one with <see cref="Builder"/> or from DDL with <see cref="FromDdl"/>.</remarks>
public sealed record StructType : DataType
{
    private readonly StructField[] _fields;

    /// <summary>Initializes a new instance with the given fields.</summary>
    public StructType(IEnumerable<StructField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields.ToArray();
    }

    /// <summary>Gets the fields in order.</summary>
    public IReadOnlyList<StructField> Fields => _fields;

    /// <summary>Gets the field names in order.</summary>
    public IReadOnlyList<string> FieldNames => _fields.Select(f => f.Name).ToArray();

    /// <inheritdoc/>
    public override string TypeName => "struct";

    /// <inheritdoc/>
    public override string SimpleString => $"struct<{string.Join(',', _fields.Select(f => $"{f.Name}:{f.DataType.SimpleString}"))}>";

    /// <inheritdoc/>
    public override string Sql => $"STRUCT<{string.Join(", ", _fields.Select(f => $"{StructField.Quote(f.Name)}: {f.DataType.Sql}{(f.Nullable ? string.Empty : " NOT NULL")}"))}>";

    /// <summary>Gets the schema in DDL form, such as <c>id BIGINT,name STRING</c>, as Spark's <c>toDDL</c> writes it.</summary>
    public string Ddl => string.Join(',', _fields.Select(f => f.Ddl));

    /// <summary>Gets the field with the given name.</summary>
    /// <exception cref="KeyNotFoundException">No field has that name.</exception>
    public StructField this[string name] =>
        _fields.FirstOrDefault(f => f.Name == name)
        ?? throw new KeyNotFoundException($"No field '{name}' in {SimpleString}.");

    /// <summary>Reads a schema from DDL, such as <c>id BIGINT NOT NULL, tags ARRAY&lt;STRING&gt;</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid DDL schema.</exception>
    public static StructType FromDdl(string ddl) => DdlParser.ParseSchema(ddl);

    /// <summary>Starts building a schema.</summary>
    public static Builder CreateBuilder() => new();

    /// <summary>Returns the position of the field with the given name.</summary>
    /// <exception cref="KeyNotFoundException">No field has that name.</exception>
    public int IndexOf(string name)
    {
        int index = Array.FindIndex(_fields, f => f.Name == name);
        return index >= 0 ? index : throw new KeyNotFoundException($"No field '{name}' in {SimpleString}.");
    }

    /// <summary>Returns a schema with one more field.</summary>
    public StructType Add(string name, DataType dataType, bool nullable = true) => new(_fields.Append(new StructField(name, dataType, nullable)));

    /// <inheritdoc/>
    public bool Equals(StructType? other) => other is not null && _fields.SequenceEqual(other._fields);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (StructField field in _fields)
        {
            hash.Add(field);
        }

        return hash.ToHashCode();
    }

    /// <summary>Builds a <see cref="StructType"/> field by field.</summary>
    public sealed class Builder
    {
        private readonly List<StructField> _fields = [];

        internal Builder()
        {
        }

        /// <summary>Adds a field.</summary>
        public Builder Add(string name, DataType dataType, bool nullable = true)
        {
            _fields.Add(new StructField(name, dataType, nullable));
            return this;
        }

        /// <summary>Returns the schema built so far.</summary>
        public StructType Build() => new(_fields);
    }
}
