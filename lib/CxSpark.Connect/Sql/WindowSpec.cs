using CxSpark.Connect.Plans;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>A window: partitioning, ordering and frame, for <see cref="Column.Over(WindowSpec)"/>.</summary>
/// <remarks>Immutable: each method returns a new specification. Without a frame, Spark uses its default
/// (the whole partition when unordered, <c>RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW</c> when ordered).</remarks>
public sealed class WindowSpec
{
    private readonly Proto.Expression[] _partitions;
    private readonly Proto.Expression.Types.SortOrder[] _orders;
    private readonly Proto.Expression.Types.Window.Types.WindowFrame? _frame;

    private WindowSpec(Proto.Expression[] partitions, Proto.Expression.Types.SortOrder[] orders, Proto.Expression.Types.Window.Types.WindowFrame? frame)
    {
        _partitions = partitions;
        _orders = orders;
        _frame = frame;
    }

    internal static WindowSpec Empty { get; } = new([], [], null);

    /// <summary>Partitions the window by the given columns.</summary>
    public WindowSpec PartitionBy(params Column[] columns) => new(Column.Expressions(columns), _orders, _frame);

    /// <summary>Partitions the window by the named columns.</summary>
    public WindowSpec PartitionBy(string column, params string[] columns) => PartitionBy(Functions.Cols(column, columns));

    /// <summary>Orders the window by the given columns (ascending unless a column says otherwise).</summary>
    public WindowSpec OrderBy(params Column[] columns) =>
        new(_partitions, columns.Select(c => ExpressionBuilder.SortOrder(c.Expression, ascending: true)).ToArray(), _frame);

    /// <summary>Orders the window by the named columns, ascending.</summary>
    public WindowSpec OrderBy(string column, params string[] columns) => OrderBy(Functions.Cols(column, columns));

    /// <summary>Sets a frame of rows relative to the current row (negative is before it).</summary>
    public WindowSpec RowsBetween(long start, long end) => WithFrame(Proto.Expression.Types.Window.Types.WindowFrame.Types.FrameType.Row, start, end);

    /// <summary>Sets a frame of ordering values relative to the current row's.</summary>
    public WindowSpec RangeBetween(long start, long end) => WithFrame(Proto.Expression.Types.Window.Types.WindowFrame.Types.FrameType.Range, start, end);

    internal Proto.Expression Apply(Proto.Expression function)
    {
        var window = new Proto.Expression.Types.Window { WindowFunction = function };
        window.PartitionSpec.AddRange(_partitions);
        window.OrderSpec.AddRange(_orders);
        if (_frame is not null)
        {
            window.FrameSpec = _frame;
        }

        return new Proto.Expression { Window = window };
    }

    private WindowSpec WithFrame(Proto.Expression.Types.Window.Types.WindowFrame.Types.FrameType type, long start, long end)
    {
        var frame = new Proto.Expression.Types.Window.Types.WindowFrame
        {
            FrameType = type,
            Lower = Boundary(start),
            Upper = Boundary(end),
        };
        return new WindowSpec(_partitions, _orders, frame);
    }

    private static Proto.Expression.Types.Window.Types.WindowFrame.Types.FrameBoundary Boundary(long value) => value switch
    {
        Window.CurrentRow => new() { CurrentRow = true },
        Window.UnboundedPreceding or Window.UnboundedFollowing => new() { Unbounded = true },
        // Spark's ROWS frames accept only INT boundaries, so offsets that fit are sent as integers, as PySpark does.
        _ => new() { Value = value is >= int.MinValue and <= int.MaxValue ? ExpressionBuilder.Literal((int)value) : ExpressionBuilder.Literal(value) },
    };
}
