using CxSpark.Connect.ML.Linalg;
using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.ML.Linalg;

#pragma warning disable CS0612 // Literal.Struct.struct_type is what the server's ML param reader uses.

/// <summary>VectorUDT and MatrixUDT literal layouts (SPARK-CONNECT.md §7.2) both ways.</summary>
public sealed class LinalgLiteralsTests
{
    [Fact]
    public void ToLiteral_DenseVector_IsAFourElementVectorUdtStruct()
    {
        Proto.Expression.Types.Literal literal = LinalgLiterals.ToLiteral(Vectors.Dense(1.5, -2.0));

        Assert.Equal(UserDefinedType.VectorUdtClass, literal.Struct.StructType.Udt.JvmClass);
        Assert.Equal(UserDefinedType.VectorUdtClass, literal.DataType.Udt.JvmClass);
        Assert.Equal(4, literal.Struct.Elements.Count);
        Assert.Equal(1, literal.Struct.Elements[0].Byte);
        Assert.Equal(2, literal.Struct.Elements[1].Integer);
        Assert.Empty(literal.Struct.Elements[2].SpecializedArray.Ints.Values);
        Assert.Equal([1.5, -2.0], literal.Struct.Elements[3].SpecializedArray.Doubles.Values);
    }

    [Fact]
    public void ToLiteral_SparseVector_RoundTrips()
    {
        SparseVector vector = Vectors.Sparse(5, [1, 3], [2.0, 4.0]);

        Proto.Expression.Types.Literal literal = LinalgLiterals.ToLiteral(vector);
        object? back = LinalgLiterals.FromLiteral(literal);

        Assert.Equal(0, literal.Struct.Elements[0].Byte);
        Assert.Equal(vector, Assert.IsType<SparseVector>(back));
        Assert.Equal([0.0, 2.0, 0.0, 4.0, 0.0], vector.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ToLiteral_DenseMatrix_RoundTripsAndHonoursIsTransposed(bool transposed)
    {
        // [[1, 2, 3], [4, 5, 6]] stored column-major, or row-major when transposed.
        double[] values = transposed ? [1, 2, 3, 4, 5, 6] : [1, 4, 2, 5, 3, 6];
        var matrix = new DenseMatrix(2, 3, values, transposed);

        Proto.Expression.Types.Literal literal = LinalgLiterals.ToLiteral(matrix);
        var back = Assert.IsType<DenseMatrix>(LinalgLiterals.FromLiteral(literal));

        Assert.Equal(UserDefinedType.MatrixUdtClass, literal.Struct.StructType.Udt.JvmClass);
        Assert.Equal(7, literal.Struct.Elements.Count);
        Assert.Equal(transposed, literal.Struct.Elements[6].Boolean);
        Assert.Equal([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], back.ToRowArrays());
    }

    [Fact]
    public void ToLiteral_SparseMatrix_RoundTrips()
    {
        // [[0, 7], [5, 0]] in CSC form.
        var matrix = new SparseMatrix(2, 2, [0, 1, 2], [1, 0], [5.0, 7.0]);

        var back = Assert.IsType<SparseMatrix>(LinalgLiterals.FromLiteral(LinalgLiterals.ToLiteral(matrix)));

        Assert.Equal([[0.0, 7.0], [5.0, 0.0]], back.ToRowArrays());
    }

    [Fact]
    public void FromLiteral_ArrayElementsInsteadOfSpecializedArrays_StillReadsTheVector()
    {
        var literal = new Proto.Expression.Types.Literal
        {
            Struct = new() { StructType = new Proto.DataType { Udt = new() { Type = "udt", JvmClass = UserDefinedType.VectorUdtClass } } },
        };
        var values = new Proto.Expression.Types.Literal.Types.Array();
        values.Elements.Add(new Proto.Expression.Types.Literal { Double = 3.0 });
        literal.Struct.Elements.Add(new Proto.Expression.Types.Literal { Byte = 1 });
        literal.Struct.Elements.Add(new Proto.Expression.Types.Literal { Integer = 1 });
        literal.Struct.Elements.Add(new Proto.Expression.Types.Literal { Array = new() });
        literal.Struct.Elements.Add(new Proto.Expression.Types.Literal { Array = values });

        Assert.Equal(Vectors.Dense(3.0), LinalgLiterals.FromLiteral(literal));
    }
}
