namespace CxSpark.Connect.ML.Linalg;

/// <summary>A sparse MLlib vector: a size and the non-zero elements by increasing index.</summary>
public sealed class SparseVector : Vector
{
    private readonly int[] _indices;
    private readonly double[] _values;

    /// <summary>Initializes a new instance; indices must be increasing, non-negative and below <paramref name="size"/>.</summary>
    /// <exception cref="ArgumentException">The indices and values differ in length, or an index is out of order or range.</exception>
    public SparseVector(int size, IEnumerable<int> indices, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _indices = indices.ToArray();
        _values = values.ToArray();
        if (_indices.Length != _values.Length)
        {
            throw new ArgumentException($"A sparse vector needs as many indices ({_indices.Length}) as values ({_values.Length}).", nameof(values));
        }

        for (int k = 0; k < _indices.Length; k++)
        {
            if (_indices[k] < 0 || _indices[k] >= size || (k > 0 && _indices[k] <= _indices[k - 1]))
            {
                throw new ArgumentException($"Sparse vector index {_indices[k]} at position {k} is out of order or outside 0..{size - 1}.", nameof(indices));
            }
        }

        Size = size;
    }

    /// <inheritdoc/>
    public override int Size { get; }

    /// <summary>Gets the indices of the stored elements.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>Gets the stored elements.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc/>
    public override double this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
            int position = Array.BinarySearch(_indices, index);
            return position >= 0 ? _values[position] : 0.0;
        }
    }

    /// <inheritdoc/>
    public override double[] ToArray()
    {
        double[] dense = new double[Size];
        for (int k = 0; k < _indices.Length; k++)
        {
            dense[_indices[k]] = _values[k];
        }

        return dense;
    }
}
