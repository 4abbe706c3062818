namespace CxSpark.Connect.ML.Linalg;

/// <summary>Factory methods for <see cref="Vector"/>s, as in <c>org.apache.spark.ml.linalg.Vectors</c>.</summary>
public static class Vectors
{
    /// <summary>A dense vector of the given elements.</summary>
    public static DenseVector Dense(params double[] values) => new(values);

    /// <summary>A sparse vector of a size and its non-zero elements.</summary>
    public static SparseVector Sparse(int size, int[] indices, double[] values) => new(size, indices, values);

    /// <summary>A vector of <paramref name="size"/> zeros.</summary>
    public static SparseVector Zeros(int size) => new(size, [], []);
}
