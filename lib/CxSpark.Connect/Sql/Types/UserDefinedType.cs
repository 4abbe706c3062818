namespace CxSpark.Connect.Sql.Types;

/// <summary>A user-defined type, such as MLlib's vectors and matrices, stored as its <see cref="SqlType"/>.</summary>
/// <param name="JvmClass">The JVM class of the type, such as <c>org.apache.spark.ml.linalg.VectorUDT</c>.</param>
/// <param name="SqlType">The type the values are stored as.</param>
/// <param name="PythonClass">The PySpark class of the type, if known.</param>
public sealed record UserDefinedType(string JvmClass, DataType SqlType, string? PythonClass = null) : DataType
{
    /// <summary>The JVM class of MLlib's vector type.</summary>
    public const string VectorUdtClass = "org.apache.spark.ml.linalg.VectorUDT";

    /// <summary>The JVM class of MLlib's matrix type.</summary>
    public const string MatrixUdtClass = "org.apache.spark.ml.linalg.MatrixUDT";

    /// <summary>Gets MLlib's vector type.</summary>
    public static UserDefinedType Vector { get; } = new(
        VectorUdtClass,
        new StructType(
        [
            new StructField("type", new ByteType(), false),
            new StructField("size", new IntegerType()),
            new StructField("indices", new ArrayType(new IntegerType(), false)),
            new StructField("values", new ArrayType(new DoubleType(), false)),
        ]),
        "pyspark.ml.linalg.VectorUDT");

    /// <summary>Gets a value indicating whether this is MLlib's vector type.</summary>
    public bool IsVector => JvmClass == VectorUdtClass;

    /// <inheritdoc/>
    public override string TypeName => "udt";

    /// <inheritdoc/>
    public override string SimpleString => IsVector ? "vector" : JvmClass;

    /// <inheritdoc/>
    public override string Sql => SqlType.Sql;
}
