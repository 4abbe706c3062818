namespace CxSpark.Connect.ML.Linalg;

/// <summary>A dense MLlib matrix: values in column-major order, or row-major when <see cref="Matrix.IsTransposed"/>.</summary>
public sealed class DenseMatrix : Matrix
{
    private readonly double[] _values;

    /// <summary>Initializes a new instance from values in column-major order (row-major when <paramref name="isTransposed"/>).</summary>
    /// <exception cref="ArgumentException">The number of values is not <paramref name="numRows"/> × <paramref name="numCols"/>.</exception>
    public DenseMatrix(int numRows, int numCols, IEnumerable<double> values, bool isTransposed = false)
        : base(numRows, numCols, isTransposed)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values.ToArray();
        if (_values.Length != (long)numRows * numCols)
        {
            throw new ArgumentException($"A {numRows} x {numCols} dense matrix needs {(long)numRows * numCols} values, not {_values.Length}.", nameof(values));
        }
    }

    /// <summary>Gets the stored values in storage order.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc/>
    public override double this[int row, int column]
    {
        get
        {
            CheckIndex(row, column);
            return IsTransposed ? _values[(row * NumCols) + column] : _values[(column * NumRows) + row];
        }
    }

    /// <summary>A dense matrix of the given rows, stored row-major.</summary>
    /// <exception cref="ArgumentException">The rows differ in length.</exception>
    public static DenseMatrix FromRows(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int numCols = rows.Length == 0 ? 0 : rows[0].Length;
        if (rows.Any(r => r.Length != numCols))
        {
            throw new ArgumentException("Every row of a matrix must have the same length.", nameof(rows));
        }

        return new DenseMatrix(rows.Length, numCols, rows.SelectMany(r => r), isTransposed: true);
    }
}
