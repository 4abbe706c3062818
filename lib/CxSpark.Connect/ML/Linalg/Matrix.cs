namespace CxSpark.Connect.ML.Linalg;

/// <summary>An MLlib matrix of doubles, dense or sparse, as in <c>org.apache.spark.ml.linalg.Matrix</c>.</summary>
public abstract class Matrix
{
    private protected Matrix(int numRows, int numCols, bool isTransposed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numRows);
        ArgumentOutOfRangeException.ThrowIfNegative(numCols);
        NumRows = numRows;
        NumCols = numCols;
        IsTransposed = isTransposed;
    }

    /// <summary>Gets the number of rows.</summary>
    public int NumRows { get; }

    /// <summary>Gets the number of columns.</summary>
    public int NumCols { get; }

    /// <summary>Gets a value indicating whether the storage is row-major (Spark's <c>isTransposed</c>) rather than column-major.</summary>
    public bool IsTransposed { get; }

    /// <summary>Gets the element at a row and column.</summary>
    public abstract double this[int row, int column] { get; }

    /// <summary>Returns the matrix as an array of rows.</summary>
    public double[][] ToRowArrays()
    {
        double[][] rows = new double[NumRows][];
        for (int i = 0; i < NumRows; i++)
        {
            rows[i] = new double[NumCols];
            for (int j = 0; j < NumCols; j++)
            {
                rows[i][j] = this[i, j];
            }
        }

        return rows;
    }

    /// <summary>Returns the size, as in <c>DenseMatrix(2 x 3)</c>.</summary>
    public override string ToString() => $"{GetType().Name}({NumRows} x {NumCols})";

    private protected void CheckIndex(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, NumRows);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, NumCols);
    }
}
