namespace CxSpark.Connect.Sql.Types;

/// <summary>A Spark SQL data type.</summary>
/// <remarks>
/// Types compare by value. <see cref="Json"/> is Spark's JSON form (as in <c>DataType.json</c>) and
/// <see cref="Sql"/> its DDL form (<c>INT</c>, <c>ARRAY&lt;STRING&gt;</c>); <see cref="FromJson"/> and
/// <see cref="StructType.FromDdl"/> read them back.
/// </remarks>
public abstract record DataType
{
    private protected DataType()
    {
    }

    /// <summary>Gets the type's name in Spark's JSON form, such as <c>integer</c> or <c>decimal(10,2)</c>.</summary>
    public abstract string TypeName { get; }

    /// <summary>Gets the type's short form, such as <c>int</c> or <c>array&lt;string&gt;</c>.</summary>
    public virtual string SimpleString => TypeName;

    /// <summary>Gets the type's SQL (DDL) form, such as <c>INT</c> or <c>MAP&lt;STRING, BIGINT&gt;</c>.</summary>
    public virtual string Sql => SimpleString.ToUpperInvariant();

    /// <summary>Gets the type in Spark's JSON form.</summary>
    public string Json => DataTypeJson.Write(this);

    /// <summary>Reads a type from Spark's JSON form.</summary>
    /// <exception cref="FormatException">The text is not a Spark type in JSON form.</exception>
    public static DataType FromJson(string json) => DataTypeJson.Read(json);

    /// <summary>Returns <see cref="SimpleString"/>.</summary>
    public override string ToString() => SimpleString;
}
