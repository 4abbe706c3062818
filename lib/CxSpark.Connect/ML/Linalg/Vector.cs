namespace CxSpark.Connect.ML.Linalg;

/// <summary>An MLlib vector of doubles, dense or sparse, as in <c>org.apache.spark.ml.linalg.Vector</c>.</summary>
/// <remarks>
/// Vector columns collect as <c>double[]</c>; this type is for vector-valued params and attributes. It enumerates
/// its elements densely, so a <see cref="Vector"/> can also be a cell of a vector column in <c>CreateDataFrame</c>.
/// </remarks>
public abstract class Vector : IEquatable<Vector>, IEnumerable<double>
{
    private protected Vector()
    {
    }

    /// <summary>Gets the number of elements.</summary>
    public abstract int Size { get; }

    /// <summary>Gets the element at a position.</summary>
    public abstract double this[int index] { get; }

    /// <summary>Returns the elements as a dense array.</summary>
    public abstract double[] ToArray();

    /// <summary>Enumerates the elements densely, zeros included.</summary>
    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)ToArray()).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns whether two vectors have the same size and elements.</summary>
    public bool Equals(Vector? other) => other is not null && Size == other.Size && ToArray().AsSpan().SequenceEqual(other.ToArray());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Vector other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (double value in ToArray())
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the elements as Spark prints a dense vector: <c>[1.0,2.0]</c>.</summary>
    public override string ToString() => "[" + string.Join(',', ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
