namespace CxSpark.Connect.Sql;

/// <summary>Window functions; use them with <see cref="Sql.Column.Over(WindowSpec)"/>.</summary>
public static partial class Functions
{
    /// <summary>The row's 1-based position in its window.</summary>
    public static Column RowNumber() => Fn("row_number");

    /// <summary>The row's rank, with gaps after ties.</summary>
    public static Column Rank() => Fn("rank");

    /// <summary>The row's rank, without gaps after ties.</summary>
    public static Column DenseRank() => Fn("dense_rank");

    /// <summary>The row's relative rank, 0 to 1.</summary>
    public static Column PercentRank() => Fn("percent_rank");

    /// <summary>The fraction of rows up to and including this one.</summary>
    public static Column CumeDist() => Fn("cume_dist");

    /// <summary>The row's bucket number, 1 to <paramref name="buckets"/>.</summary>
    public static Column NTile(int buckets) => Fn("ntile", Lit(buckets));

    /// <summary>The value <paramref name="offset"/> rows before, or a default.</summary>
    public static Column Lag(Column column, int offset = 1, object? defaultValue = null) => Fn("lag", column, offset, defaultValue);

    /// <summary>The value <paramref name="offset"/> rows after, or a default.</summary>
    public static Column Lead(Column column, int offset = 1, object? defaultValue = null) => Fn("lead", column, offset, defaultValue);

    /// <summary>The value in the n-th row of the frame.</summary>
    public static Column NthValue(Column column, int n, bool ignoreNulls = false) => Fn("nth_value", column, n, ignoreNulls);
}
