using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;
using static CxSpark.Connect.Tests.Infrastructure.Protos;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Sql;

public sealed class DataFrameJoinsTests
{
    private readonly SparkSession _spark = NewSession();

    [Fact]
    public void Join_OnNames_BuildsUsingColumns()
    {
        DataFrame orders = _spark.Table("orders");
        DataFrame customers = _spark.Table("customers");

        DataFrame result = orders.Join(customers, ["customer_id", "country"], "left");

        var expected = new Proto.Relation
        {
            Common = Common(3),
            Join = new Proto.Join { Left = orders.Relation, Right = customers.Relation, JoinType = Proto.Join.Types.JoinType.LeftOuter },
        };
        expected.Join.UsingColumns.Add("customer_id");
        expected.Join.UsingColumns.Add("country");
        Assert.Equal(expected, result.Relation);
        Assert.Null(result.Relation.Join.JoinCondition);
    }

    [Fact]
    public void Join_Condition_ResolvesColumnsAgainstEachFrame()
    {
        DataFrame orders = _spark.Table("orders");
        DataFrame customers = _spark.Table("customers");

        DataFrame result = orders.Join(customers, orders["customer_id"] == customers["id"], JoinType.Inner);

        var expected = new Proto.Relation
        {
            Common = Common(3),
            Join = new Proto.Join
            {
                Left = orders.Relation,
                Right = customers.Relation,
                JoinType = Proto.Join.Types.JoinType.Inner,
                JoinCondition = Fn("==", Attr("customer_id", planId: 1), Attr("id", planId: 2)),
            },
        };
        Assert.Equal(expected, result.Relation);
    }

    [Theory]
    [InlineData("inner", (int)Proto.Join.Types.JoinType.Inner)]
    [InlineData("left_outer", (int)Proto.Join.Types.JoinType.LeftOuter)]
    [InlineData("right", (int)Proto.Join.Types.JoinType.RightOuter)]
    [InlineData("outer", (int)Proto.Join.Types.JoinType.FullOuter)]
    [InlineData("full_outer", (int)Proto.Join.Types.JoinType.FullOuter)]
    [InlineData("semi", (int)Proto.Join.Types.JoinType.LeftSemi)]
    [InlineData("left_anti", (int)Proto.Join.Types.JoinType.LeftAnti)]
    [InlineData("CROSS", (int)Proto.Join.Types.JoinType.Cross)]
    public void Join_SparkTypeName_MapsToProtoJoinType(string how, int expected)
    {
        DataFrame result = _spark.Table("a").Join(_spark.Table("b"), ["id"], how);

        Assert.Equal((Proto.Join.Types.JoinType)expected, result.Relation.Join.JoinType);
    }

    [Fact]
    public void Join_UnknownTypeName_ThrowsArgumentExceptionNamingIt()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => _spark.Table("a").Join(_spark.Table("b"), ["id"], "sideways"));

        Assert.Contains("'sideways'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_FramesOfTwoSessions_ThrowsArgumentException()
    {
        DataFrame other = NewSession().Table("b");

        Assert.Throws<ArgumentException>(() => _spark.Table("a").Join(other, "id"));
        Assert.Throws<ArgumentException>(() => _spark.Table("a").Join(other, Col("a.id") == Col("b.id"), JoinType.LeftOuter));
        Assert.Throws<ArgumentException>(() => _spark.Table("a").CrossJoin(other));
    }

    [Fact]
    public void GroupByAgg_BuildsAggregate()
    {
        DataFrame input = _spark.Table("sales");

        DataFrame result = input.GroupBy("country", "year").Agg(Sum("amount").Alias("total"), CountDistinct(Col("customer")));

        var expected = new Proto.Relation
        {
            Common = Common(2),
            Aggregate = new Proto.Aggregate { Input = input.Relation, GroupType = Proto.Aggregate.Types.GroupType.Groupby },
        };
        expected.Aggregate.GroupingExpressions.Add(Attr("country"));
        expected.Aggregate.GroupingExpressions.Add(Attr("year"));
        expected.Aggregate.AggregateExpressions.Add(Alias(Fn("sum", Attr("amount")), "total"));
        Proto.Expression distinctCount = Fn("count", Attr("customer"));
        distinctCount.UnresolvedFunction.IsDistinct = true;
        expected.Aggregate.AggregateExpressions.Add(distinctCount);
        Assert.Equal(expected, result.Relation);
    }

    [Fact]
    public void GroupByCount_CountsOnesAsCount()
    {
        Proto.Aggregate aggregate = _spark.Table("sales").GroupBy("country").Count().Relation.Aggregate;

        Assert.Equal(Alias(Fn("count", Int(1)), "count"), Assert.Single(aggregate.AggregateExpressions));
    }

    [Fact]
    public void Agg_WithoutGrouping_HasNoGroupingExpressions()
    {
        Proto.Aggregate aggregate = _spark.Table("sales").Agg(Max("amount")).Relation.Aggregate;

        Assert.Empty(aggregate.GroupingExpressions);
        Assert.Equal(Fn("max", Attr("amount")), Assert.Single(aggregate.AggregateExpressions));
    }

    [Fact]
    public void Rollup_SetsGroupType()
    {
        Assert.Equal(Proto.Aggregate.Types.GroupType.Rollup, _spark.Table("t").Rollup(Col("a")).Count().Relation.Aggregate.GroupType);
    }

    [Fact]
    public void Pivot_WithValues_BuildsPivot()
    {
        Proto.Aggregate aggregate = _spark.Table("t").GroupBy("year").Pivot("country", "FR", "DE").Agg(Sum("amount")).Relation.Aggregate;

        Assert.Equal(Proto.Aggregate.Types.GroupType.Pivot, aggregate.GroupType);
        Assert.Equal(Attr("country"), aggregate.Pivot.Col);
        Assert.Equal(new[] { "FR", "DE" }, aggregate.Pivot.Values.Select(v => v.String));
    }
}
