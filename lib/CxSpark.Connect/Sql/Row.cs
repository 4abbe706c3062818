using System.Globalization;
using System.Text;
using CxSpark.Connect.Sql.Types;

namespace CxSpark.Connect.Sql;

/// <summary>One row of a collected result, with typed getters by position or column name.</summary>
/// <remarks>
/// Values are .NET values: <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="decimal"/>, <see cref="DateOnly"/> for dates, <see cref="DateTimeOffset"/> (UTC) for timestamps,
/// <see cref="DateTime"/> for <c>TIMESTAMP_NTZ</c>, <c>object?[]</c> for arrays, <see cref="Row"/> for structs,
/// dictionaries for maps and <c>double[]</c> for MLlib vectors. Null is <see langword="null"/>.
/// </remarks>
public sealed class Row
{
    private readonly object?[]? _values;
    private readonly Func<int, object?>[]? _columns;
    private readonly int _index;

    internal Row(StructType schema, object?[] values)
    {
        Schema = schema;
        _values = values;
    }

    /// <summary>A row that reads its values from columnar (Arrow) data when asked, so collected results stay compact.</summary>
    internal Row(StructType schema, Func<int, object?>[] columns, int index)
    {
        Schema = schema;
        _columns = columns;
        _index = index;
    }

    /// <summary>Gets the row's schema.</summary>
    public StructType Schema { get; }

    /// <summary>Gets the number of values.</summary>
    public int Length => _values?.Length ?? _columns!.Length;

    /// <summary>Gets the values in order.</summary>
    public IReadOnlyList<object?> Values => _values ?? Enumerable.Range(0, Length).Select(i => this[i]).ToArray();

    /// <summary>Gets the value at a position.</summary>
    public object? this[int index] => _values is not null ? _values[index] : _columns![index](_index);

    /// <summary>Gets the value of a column.</summary>
    public object? this[string column] => this[Schema.IndexOf(column)];

    /// <summary>Gets whether the value at a position is null.</summary>
    public bool IsNullAt(int index) => this[index] is null;

    /// <summary>Gets the value at a position converted to <typeparamref name="T"/> (numbers widen or narrow as <see cref="Convert"/> does).</summary>
    /// <exception cref="InvalidCastException">The value is null and <typeparamref name="T"/> is not nullable, or cannot be converted.</exception>
    public T Get<T>(int index) => ConvertValue<T>(this[index], index);

    /// <summary>Gets the value of a column converted to <typeparamref name="T"/>.</summary>
    public T Get<T>(string column) => Get<T>(Schema.IndexOf(column));

    /// <summary>Gets a string value.</summary>
    public string? GetString(int index) => (string?)this[index];

    /// <summary>Gets a string value.</summary>
    public string? GetString(string column) => GetString(Schema.IndexOf(column));

    /// <summary>Gets an integer value.</summary>
    public int GetInt(int index) => Get<int>(index);

    /// <summary>Gets an integer value.</summary>
    public int GetInt(string column) => Get<int>(column);

    /// <summary>Gets a long value.</summary>
    public long GetLong(int index) => Get<long>(index);

    /// <summary>Gets a long value.</summary>
    public long GetLong(string column) => Get<long>(column);

    /// <summary>Gets a double value.</summary>
    public double GetDouble(int index) => Get<double>(index);

    /// <summary>Gets a double value.</summary>
    public double GetDouble(string column) => Get<double>(column);

    /// <summary>Gets a boolean value.</summary>
    public bool GetBoolean(int index) => Get<bool>(index);

    /// <summary>Gets a boolean value.</summary>
    public bool GetBoolean(string column) => Get<bool>(column);

    /// <summary>Gets a decimal value.</summary>
    public decimal GetDecimal(int index) => Get<decimal>(index);

    /// <summary>Gets a decimal value.</summary>
    public decimal GetDecimal(string column) => Get<decimal>(column);

    /// <summary>Gets a date value.</summary>
    public DateOnly GetDate(string column) => Get<DateOnly>(column);

    /// <summary>Gets a timestamp value, in UTC.</summary>
    public DateTimeOffset GetTimestamp(string column) => Get<DateTimeOffset>(column);

    /// <summary>Gets a struct value.</summary>
    public Row? GetStruct(string column) => (Row?)this[column];

    /// <summary>Gets an array value with elements converted to <typeparamref name="T"/>.</summary>
    public T[]? GetArray<T>(string column) => this[column] switch
    {
        null => null,
        T[] typed => typed,
        System.Collections.IEnumerable items => items.Cast<object?>().Select((v, i) => ConvertValue<T>(v, i)).ToArray(),
        object other => throw new InvalidCastException($"Column '{column}' holds {other.GetType().Name}, not an array."),
    };

    /// <summary>Returns the values as Spark prints a row: <c>[1, a, null]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(Format(this[i]));
        }

        return text.Append(']').ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private T ConvertValue<T>(object? value, int index)
    {
        if (value is T typed)
        {
            return typed;
        }

        Type target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is null)
        {
            return default(T) is null && (Nullable.GetUnderlyingType(typeof(T)) is not null || !typeof(T).IsValueType)
                ? default!
                : throw new InvalidCastException($"Value {index} ({FieldName(index)}) is null; read it as {typeof(T).Name}? instead.");
        }

        try
        {
            return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException($"Value {index} ({FieldName(index)}) is {value.GetType().Name} '{value}', which does not convert to {typeof(T).Name}.", ex);
        }
    }

    private string FieldName(int index) => index < Schema.Fields.Count ? Schema.Fields[index].Name : "?";
}
