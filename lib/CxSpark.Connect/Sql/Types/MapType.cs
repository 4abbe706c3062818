namespace CxSpark.Connect.Sql.Types;

/// <summary>A map from keys of one type to values of another.</summary>
/// <param name="KeyType">The type of the keys, never null.</param>
/// <param name="ValueType">The type of the values.</param>
/// <param name="ValueContainsNull">Whether values may be null.</param>
public sealed record MapType(DataType KeyType, DataType ValueType, bool ValueContainsNull = true) : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "map";

    /// <inheritdoc/>
    public override string SimpleString => $"map<{KeyType.SimpleString},{ValueType.SimpleString}>";

    /// <inheritdoc/>
    public override string Sql => $"MAP<{KeyType.Sql}, {ValueType.Sql}>";
}
