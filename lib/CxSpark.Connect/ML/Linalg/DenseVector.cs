namespace CxSpark.Connect.ML.Linalg;

/// <summary>A dense MLlib vector: every element stored.</summary>
public sealed class DenseVector : Vector
{
    private readonly double[] _values;

    /// <summary>Initializes a new instance holding a copy of <paramref name="values"/>.</summary>
    public DenseVector(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values.ToArray();
    }

    /// <summary>Gets the elements.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc/>
    public override int Size => _values.Length;

    /// <inheritdoc/>
    public override double this[int index] => _values[index];

    /// <inheritdoc/>
    public override double[] ToArray() => (double[])_values.Clone();
}
