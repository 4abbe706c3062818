namespace CxSpark.Connect.Sql.Types;

/// <summary>An array of values of one type.</summary>
/// <param name="ElementType">The type of the elements.</param>
/// <param name="ContainsNull">Whether elements may be null.</param>
public sealed record ArrayType(DataType ElementType, bool ContainsNull = true) : DataType
{
    /// <inheritdoc/>
    public override string TypeName => "array";

    /// <inheritdoc/>
    public override string SimpleString => $"array<{ElementType.SimpleString}>";

    /// <inheritdoc/>
    public override string Sql => $"ARRAY<{ElementType.Sql}>";
}
