using CxSpark.Connect.Plans;
using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML.Linalg;

// Spark 4.1 deprecates Literal.Struct.struct_type, but the ML param reader still takes the UDT class from it.
#pragma warning disable CS0612

/// <summary>The VectorUDT and MatrixUDT struct literals MLlib over Connect uses for params and attributes.</summary>
internal static class LinalgLiterals
{
    private const int SparseKind = 0;
    private const int DenseKind = 1;

    internal static Proto.Expression.Types.Literal ToLiteral(Vector vector)
    {
        (int kind, int[] indices, double[] values) = vector switch
        {
            SparseVector s => (SparseKind, s.Indices.ToArray(), s.Values.ToArray()),
            _ => (DenseKind, System.Array.Empty<int>(), vector.ToArray()),
        };
        return Struct(UserDefinedType.VectorUdtClass, Byte(kind), Int(vector.Size), Ints(indices), Doubles(values));
    }

    internal static Proto.Expression.Types.Literal ToLiteral(Matrix matrix) => matrix switch
    {
        SparseMatrix s => Struct(
            UserDefinedType.MatrixUdtClass, Byte(SparseKind), Int(s.NumRows), Int(s.NumCols),
            Ints(s.ColPtrs.ToArray()), Ints(s.RowIndices.ToArray()), Doubles(s.Values.ToArray()), Bool(s.IsTransposed)),
        DenseMatrix d => Struct(
            UserDefinedType.MatrixUdtClass, Byte(DenseKind), Int(d.NumRows), Int(d.NumCols),
            Ints([]), Ints([]), Doubles(d.Values.ToArray()), Bool(d.IsTransposed)),
        _ => throw new ArgumentException($"Matrix type {matrix.GetType().Name} cannot be sent to Spark.", nameof(matrix)),
    };

    /// <summary>Reads a vector from a struct literal's elements (type, size, indices, values).</summary>
    internal static Vector ToVector(IReadOnlyList<object?> elements)
    {
        if (elements.Count != 4)
        {
            throw new FormatException($"An MLlib vector literal has 4 elements, not {elements.Count}.");
        }

        double[] values = ToDoubles(elements[3]);
        return Convert.ToInt32(elements[0], System.Globalization.CultureInfo.InvariantCulture) == SparseKind
            ? new SparseVector(Convert.ToInt32(elements[1], System.Globalization.CultureInfo.InvariantCulture), ToInts(elements[2]), values)
            : new DenseVector(values);
    }

    /// <summary>Reads a matrix from a struct literal's elements (type, rows, cols, colPtrs, rowIndices, values, isTransposed).</summary>
    internal static Matrix ToMatrix(IReadOnlyList<object?> elements)
    {
        if (elements.Count != 7)
        {
            throw new FormatException($"An MLlib matrix literal has 7 elements, not {elements.Count}.");
        }

        int rows = Convert.ToInt32(elements[1], System.Globalization.CultureInfo.InvariantCulture);
        int cols = Convert.ToInt32(elements[2], System.Globalization.CultureInfo.InvariantCulture);
        double[] values = ToDoubles(elements[5]);
        bool transposed = elements[6] is true;
        return Convert.ToInt32(elements[0], System.Globalization.CultureInfo.InvariantCulture) == SparseKind
            ? new SparseMatrix(rows, cols, ToInts(elements[3]), ToInts(elements[4]), values, transposed)
            : new DenseMatrix(rows, cols, values, transposed);
    }

    /// <summary>Converts a fetched literal to .NET, turning vector and matrix structs into <see cref="Vector"/> and <see cref="Matrix"/>.</summary>
    internal static object? FromLiteral(Proto.Expression.Types.Literal literal)
    {
        if (literal.LiteralTypeCase == Proto.Expression.Types.Literal.LiteralTypeOneofCase.Struct)
        {
            string? udt = UdtClass(literal);
            object?[] elements = literal.Struct.Elements.Select(FromLiteral).ToArray();
            return udt switch
            {
                UserDefinedType.VectorUdtClass => ToVector(elements),
                UserDefinedType.MatrixUdtClass => ToMatrix(elements),
                _ => elements,
            };
        }

        if (literal.LiteralTypeCase == Proto.Expression.Types.Literal.LiteralTypeOneofCase.Array)
        {
            return literal.Array.Elements.Select(FromLiteral).ToArray();
        }

        return LiteralConverter.FromLiteral(literal);
    }

    private static string? UdtClass(Proto.Expression.Types.Literal literal)
    {
        if (literal.DataType is { KindCase: Proto.DataType.KindOneofCase.Udt } root)
        {
            return root.Udt.JvmClass;
        }

        return literal.Struct.StructType is { KindCase: Proto.DataType.KindOneofCase.Udt } legacy ? legacy.Udt.JvmClass : null;
    }

    private static double[] ToDoubles(object? value) => value switch
    {
        double[] d => d,
        null => [],
        System.Collections.IEnumerable items => items.Cast<object>().Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        _ => throw new FormatException($"Expected an array of doubles, not {value.GetType().Name}."),
    };

    private static int[] ToInts(object? value) => value switch
    {
        int[] i => i,
        null => [],
        System.Collections.IEnumerable items => items.Cast<object>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        _ => throw new FormatException($"Expected an array of ints, not {value.GetType().Name}."),
    };

    private static Proto.Expression.Types.Literal Struct(string udtClass, params Proto.Expression.Types.Literal[] elements)
    {
        UserDefinedType udt = udtClass == UserDefinedType.VectorUdtClass
            ? UserDefinedType.Vector
            : new UserDefinedType(udtClass, new BinaryType());
        var type = new Proto.DataType { Udt = new() { Type = "udt", JvmClass = udtClass } };
        if (udt.IsVector)
        {
            type.Udt.SqlType = DataTypeConverter.ToProto(udt.SqlType);
        }

        var literal = new Proto.Expression.Types.Literal.Types.Struct { StructType = type };
        literal.Elements.AddRange(elements);
        return new Proto.Expression.Types.Literal { Struct = literal, DataType = type.Clone() };
    }

    private static Proto.Expression.Types.Literal Byte(int value) => new() { Byte = value };

    private static Proto.Expression.Types.Literal Int(int value) => new() { Integer = value };

    private static Proto.Expression.Types.Literal Bool(bool value) => new() { Boolean = value };

    private static Proto.Expression.Types.Literal Ints(int[] values)
    {
        var ints = new Proto.Ints();
        ints.Values.AddRange(values);
        return new() { SpecializedArray = new() { Ints = ints } };
    }

    private static Proto.Expression.Types.Literal Doubles(double[] values)
    {
        var doubles = new Proto.Doubles();
        doubles.Values.AddRange(values);
        return new() { SpecializedArray = new() { Doubles = doubles } };
    }
}
