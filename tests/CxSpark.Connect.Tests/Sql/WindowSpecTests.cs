using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;
using static CxSpark.Connect.Tests.Infrastructure.Protos;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Sql;

public sealed class WindowSpecTests
{
    [Fact]
    public void Over_PartitionOrderAndRowsFrame_BuildsWindow()
    {
        WindowSpec window = Window.PartitionBy("customer_id")
            .OrderBy(Col("invoice_date").Desc())
            .RowsBetween(Window.UnboundedPreceding, Window.CurrentRow);

        Column ranked = RowNumber().Over(window);

        var expected = new Proto.Expression.Types.Window
        {
            WindowFunction = Fn("row_number"),
            FrameSpec = new Proto.Expression.Types.Window.Types.WindowFrame
            {
                FrameType = Proto.Expression.Types.Window.Types.WindowFrame.Types.FrameType.Row,
                Lower = new() { Unbounded = true },
                Upper = new() { CurrentRow = true },
            },
        };
        expected.PartitionSpec.Add(Attr("customer_id"));
        expected.OrderSpec.Add(Sort(Attr("invoice_date"), ascending: false, nullsFirst: false));
        Assert.Equal(expected, ranked.Expression.Window);
    }

    [Fact]
    public void RowsBetween_Offsets_AreIntegerLiterals()
    {
        Proto.Expression.Types.Window.Types.WindowFrame frame =
            Sum("amount").Over(Window.OrderBy("day").RowsBetween(-2, 3)).Expression.Window.FrameSpec;

        Assert.Equal(-2, frame.Lower.Value.Literal.Integer);
        Assert.Equal(3, frame.Upper.Value.Literal.Integer);
    }

    [Fact]
    public void RangeBetween_CurrentToUnboundedFollowing_BuildsRangeFrame()
    {
        Proto.Expression.Types.Window.Types.WindowFrame frame =
            Sum("amount").Over(Window.OrderBy("day").RangeBetween(Window.CurrentRow, Window.UnboundedFollowing)).Expression.Window.FrameSpec;

        Assert.Equal(Proto.Expression.Types.Window.Types.WindowFrame.Types.FrameType.Range, frame.FrameType);
        Assert.True(frame.Lower.CurrentRow);
        Assert.True(frame.Upper.Unbounded);
    }

    [Fact]
    public void Over_NoSpec_IsWholeInputWithoutFrame()
    {
        Proto.Expression.Types.Window window = Sum("amount").Over().Expression.Window;

        Assert.Equal(Fn("sum", Attr("amount")), window.WindowFunction);
        Assert.Empty(window.PartitionSpec);
        Assert.Empty(window.OrderSpec);
        Assert.Null(window.FrameSpec);
    }

    [Fact]
    public void Lag_WithDefault_PassesOffsetAndDefault()
    {
        Column previous = Lag(Col("amount"), 2, 0).Over(Window.PartitionBy("customer_id").OrderBy("day"));

        Assert.Equal(Fn("lag", Attr("amount"), Int(2), Int(0)), previous.Expression.Window.WindowFunction);
    }

    [Fact]
    public void WindowSpec_IsImmutable()
    {
        WindowSpec partitioned = Window.PartitionBy("a");

        _ = partitioned.OrderBy("b");

        Assert.Empty(RowNumber().Over(partitioned).Expression.Window.OrderSpec);
    }
}
