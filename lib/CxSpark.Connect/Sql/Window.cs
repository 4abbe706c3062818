namespace CxSpark.Connect.Sql;

/// <summary>Starts window specifications for window functions (<c>OVER (PARTITION BY … ORDER BY …)</c>).</summary>
public static class Window
{
    /// <summary>The frame boundary for "from the first row of the partition".</summary>
    public const long UnboundedPreceding = long.MinValue;

    /// <summary>The frame boundary for "to the last row of the partition".</summary>
    public const long UnboundedFollowing = long.MaxValue;

    /// <summary>The frame boundary for the current row.</summary>
    public const long CurrentRow = 0;

    /// <summary>A window partitioned by the given columns.</summary>
    public static WindowSpec PartitionBy(params Column[] columns) => WindowSpec.Empty.PartitionBy(columns);

    /// <summary>A window partitioned by the named columns.</summary>
    public static WindowSpec PartitionBy(string column, params string[] columns) => WindowSpec.Empty.PartitionBy(column, columns);

    /// <summary>A window over the whole input ordered by the given columns.</summary>
    public static WindowSpec OrderBy(params Column[] columns) => WindowSpec.Empty.OrderBy(columns);

    /// <summary>A window over the whole input ordered by the named columns.</summary>
    public static WindowSpec OrderBy(string column, params string[] columns) => WindowSpec.Empty.OrderBy(column, columns);

    /// <summary>A window whose frame is a range of rows relative to the current row.</summary>
    public static WindowSpec RowsBetween(long start, long end) => WindowSpec.Empty.RowsBetween(start, end);

    /// <summary>A window whose frame is a range of ordering values relative to the current row's.</summary>
    public static WindowSpec RangeBetween(long start, long end) => WindowSpec.Empty.RangeBetween(start, end);
}
