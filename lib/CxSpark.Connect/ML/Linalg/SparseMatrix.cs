namespace CxSpark.Connect.ML.Linalg;

/// <summary>A sparse MLlib matrix in compressed sparse column form (compressed sparse row when <see cref="Matrix.IsTransposed"/>).</summary>
public sealed class SparseMatrix : Matrix
{
    private readonly int[] _colPtrs;
    private readonly int[] _rowIndices;
    private readonly double[] _values;

    /// <summary>Initializes a new instance from Spark's CSC arrays (CSR arrays when <paramref name="isTransposed"/>).</summary>
    /// <exception cref="ArgumentException">The arrays do not fit the shape.</exception>
    public SparseMatrix(int numRows, int numCols, int[] colPtrs, int[] rowIndices, double[] values, bool isTransposed = false)
        : base(numRows, numCols, isTransposed)
    {
        ArgumentNullException.ThrowIfNull(colPtrs);
        ArgumentNullException.ThrowIfNull(rowIndices);
        ArgumentNullException.ThrowIfNull(values);
        int majors = isTransposed ? numRows : numCols;
        if (colPtrs.Length != majors + 1 || rowIndices.Length != values.Length || colPtrs[^1] != values.Length)
        {
            throw new ArgumentException($"Sparse matrix arrays do not fit a {numRows} x {numCols} shape.", nameof(colPtrs));
        }

        _colPtrs = (int[])colPtrs.Clone();
        _rowIndices = (int[])rowIndices.Clone();
        _values = (double[])values.Clone();
    }

    /// <summary>Gets the offsets of each column (each row when transposed) into <see cref="RowIndices"/> and <see cref="Values"/>.</summary>
    public IReadOnlyList<int> ColPtrs => _colPtrs;

    /// <summary>Gets the row (column when transposed) of each stored value.</summary>
    public IReadOnlyList<int> RowIndices => _rowIndices;

    /// <summary>Gets the stored values.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc/>
    public override double this[int row, int column]
    {
        get
        {
            CheckIndex(row, column);
            (int major, int minor) = IsTransposed ? (row, column) : (column, row);
            int position = Array.BinarySearch(_rowIndices, _colPtrs[major], _colPtrs[major + 1] - _colPtrs[major], minor);
            return position >= 0 ? _values[position] : 0.0;
        }
    }
}
