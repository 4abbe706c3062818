using CxSpark.Connect.Sql.Types;

namespace CxSpark.Pipeline.Contract;

/// <summary>Groups Spark types into the families the column mapping may cast between.</summary>
internal enum TypeFamily
{
    Other,
    Text,
    Integral,
    Fractional,
    Temporal,
}

/// <summary>Classifies Spark types and decides which casts the column mapping accepts.</summary>
internal static class TypeFamilies
{
    public static TypeFamily Of(DataType type) => type switch
    {
        StringType or CharType or VarcharType => TypeFamily.Text,
        ByteType or ShortType or IntegerType or LongType => TypeFamily.Integral,
        FloatType or DoubleType or DecimalType => TypeFamily.Fractional,
        TimestampType or TimestampNtzType or DateType => TypeFamily.Temporal,
        _ => TypeFamily.Other,
    };

    public static TypeFamily OfContract(string sqlType) => sqlType switch
    {
        "STRING" => TypeFamily.Text,
        "BIGINT" => TypeFamily.Integral,
        "DOUBLE" => TypeFamily.Fractional,
        "TIMESTAMP" => TypeFamily.Temporal,
        _ => throw new ArgumentException($"Unsupported contract type {sqlType}.", nameof(sqlType)),
    };

    /// <summary>Text takes any atomic value; numbers take numbers and text; timestamps take dates, timestamps and text.</summary>
    public static bool CanCast(TypeFamily from, TypeFamily to) => (from, to) switch
    {
        (TypeFamily.Other, _) => false,
        (_, TypeFamily.Text) => true,
        (TypeFamily.Text, _) => true,
        (TypeFamily.Integral or TypeFamily.Fractional, TypeFamily.Integral or TypeFamily.Fractional) => true,
        (TypeFamily.Temporal, TypeFamily.Temporal) => true,
        _ => false,
    };
}
