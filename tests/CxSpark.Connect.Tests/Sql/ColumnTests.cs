using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using static CxSpark.Connect.Sql.Functions;
using static CxSpark.Connect.Tests.Infrastructure.Protos;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Sql;

public sealed class ColumnTests
{
    [Fact]
    public void WhenOtherwise_Chain_BuildsOneWhenFunction()
    {
        Column segment = When(Col("amount") > 1000, "gold")
            .When(Col("amount") > 100, "silver")
            .Otherwise("bronze");

        Proto.Expression expected = Fn(
            "when",
            Fn(">", Attr("amount"), Int(1000)),
            Str("gold"),
            Fn(">", Attr("amount"), Int(100)),
            Str("silver"),
            Str("bronze"));
        Assert.Equal(expected, segment.Expression);
    }

    [Fact]
    public void When_WithoutOtherwise_HasEvenArguments()
    {
        Column flag = When(Col("returned"), true);

        Assert.Equal(Fn("when", Attr("returned"), new Proto.Expression { Literal = new() { Boolean = true } }), flag.Expression);
    }

    [Fact]
    public void When_DoesNotMutateTheChainItExtends()
    {
        Column start = When(Col("a") == 1, "one");

        _ = start.Otherwise("other");

        Assert.Equal(2, start.Expression.UnresolvedFunction.Arguments.Count);
    }

    [Fact]
    public void Otherwise_AfterOtherwise_ThrowsInvalidOperation()
    {
        Column closed = When(Col("a") == 1, "one").Otherwise("other");

        Assert.Throws<InvalidOperationException>(() => closed.Otherwise("again"));
        Assert.Throws<InvalidOperationException>(() => closed.When(Col("a") == 2, "two"));
    }

    [Fact]
    public void Otherwise_OnPlainColumn_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => Col("a").Otherwise(0));
    }

    [Fact]
    public void Cast_DataType_BuildsCastWithProtoType()
    {
        Proto.Expression.Types.Cast cast = Col("price").Cast(new DecimalType(10, 2)).Expression.Cast;

        Assert.Equal(Attr("price"), cast.Expr);
        Assert.Equal(10, cast.Type.Decimal.Precision);
        Assert.Equal(2, cast.Type.Decimal.Scale);
    }

    [Fact]
    public void TryCast_TypeName_UsesTryEvalMode()
    {
        Proto.Expression.Types.Cast cast = Col("qty").TryCast("int").Expression.Cast;

        Assert.Equal("int", cast.TypeStr);
        Assert.Equal(Proto.Expression.Types.Cast.Types.EvalMode.Try, cast.EvalMode);
    }

    [Fact]
    public void IsIn_Values_BuildsInFunction()
    {
        Assert.Equal(Fn("in", Attr("country"), Str("FR"), Str("DE")), Col("country").IsIn("FR", "DE").Expression);
        Assert.Equal(Fn("in", Attr("n"), Int(1), Int(2)), Col("n").IsIn(new List<int> { 1, 2 }).Expression);
    }

    [Fact]
    public void ToString_PrintsReadableExpression()
    {
        Assert.Equal("((amount > 100) and isnotnull(country))", ((Col("amount") > 100) & Col("country").IsNotNull()).ToString());
    }
}
