using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;
using static CxSpark.Connect.Tests.Infrastructure.Protos;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Sql;

public sealed class DataFrameTransformationsTests
{
    private readonly SparkSession _spark = NewSession();

    [Fact]
    public void Select_ColumnsAndAlias_BuildsProject()
    {
        DataFrame input = _spark.Range(10);

        DataFrame result = input.Select(Col("id"), (Col("id") * 2).Alias("twice"));

        var expected = new Proto.Relation { Common = Common(2), Project = new Proto.Project { Input = input.Relation } };
        expected.Project.Expressions.Add(Attr("id"));
        expected.Project.Expressions.Add(Alias(Fn("*", Attr("id"), Int(2)), "twice"));
        Assert.Equal(expected, result.Relation);
    }

    [Fact]
    public void Select_Names_BuildsAttributes()
    {
        DataFrame result = _spark.Table("sales").Select("country", "amount");

        Assert.Equal(new[] { Attr("country"), Attr("amount") }, result.Relation.Project.Expressions);
        Assert.Equal("sales", result.Relation.Project.Input.Read.NamedTable.UnparsedIdentifier);
    }

    [Fact]
    public void Select_Star_BuildsUnresolvedStar()
    {
        DataFrame result = _spark.Table("sales").Select(Col("*"), Col("t.*"));

        Assert.False(result.Relation.Project.Expressions[0].UnresolvedStar.HasUnparsedTarget);
        Assert.Equal("t.", result.Relation.Project.Expressions[1].UnresolvedStar.UnparsedTarget);
    }

    [Fact]
    public void Filter_CombinedCondition_BuildsFunctionTree()
    {
        DataFrame input = _spark.Table("sales");

        DataFrame result = input.Filter((Col("amount") > 100) & Col("country").IsNotNull());

        var expected = new Proto.Relation
        {
            Common = Common(2),
            Filter = new Proto.Filter
            {
                Input = input.Relation,
                Condition = Fn("and", Fn(">", Attr("amount"), Int(100)), Fn("isnotnull", Attr("country"))),
            },
        };
        Assert.Equal(expected, result.Relation);
    }

    [Fact]
    public void Filter_SqlText_BuildsExpressionString()
    {
        DataFrame result = _spark.Table("sales").Where("amount > 100 AND country = 'FR'");

        Assert.Equal("amount > 100 AND country = 'FR'", result.Relation.Filter.Condition.ExpressionString.Expression);
    }

    [Fact]
    public void WithColumn_Expression_BuildsWithColumnsAlias()
    {
        DataFrame input = _spark.Table("sales");

        DataFrame result = input.WithColumn("revenue", Col("price") * Col("quantity"));

        var expected = new Proto.Relation { Common = Common(2), WithColumns = new Proto.WithColumns { Input = input.Relation } };
        expected.WithColumns.Aliases.Add(Alias(Fn("*", Attr("price"), Attr("quantity")), "revenue").Alias);
        Assert.Equal(expected, result.Relation);
    }

    [Fact]
    public void WithColumnRenamed_BuildsRename()
    {
        Proto.WithColumnsRenamed.Types.Rename rename = Assert.Single(_spark.Table("t").WithColumnRenamed("a", "b").Relation.WithColumnsRenamed.Renames);

        Assert.Equal("a", rename.ColName);
        Assert.Equal("b", rename.NewColName);
    }

    [Fact]
    public void Drop_Names_BuildsDrop()
    {
        DataFrame input = _spark.Table("sales");

        DataFrame result = input.Drop("tmp", "debug");

        Assert.Equal(input.Relation, result.Relation.Drop.Input);
        Assert.Equal(new[] { "tmp", "debug" }, result.Relation.Drop.ColumnNames);
        Assert.Empty(result.Relation.Drop.Columns);
    }

    [Fact]
    public void OrderBy_DescAndNullOrderings_BuildsGlobalSort()
    {
        DataFrame input = _spark.Table("sales");

        DataFrame result = input.OrderBy(Col("amount").Desc(), Col("country"), Col("city").DescNullsFirst(), Col("zip").AscNullsLast());

        var expected = new Proto.Relation { Common = Common(2), Sort = new Proto.Sort { Input = input.Relation, IsGlobal = true } };
        expected.Sort.Order.Add(Sort(Attr("amount"), ascending: false, nullsFirst: false));
        expected.Sort.Order.Add(Sort(Attr("country"), ascending: true, nullsFirst: true));
        expected.Sort.Order.Add(Sort(Attr("city"), ascending: false, nullsFirst: true));
        expected.Sort.Order.Add(Sort(Attr("zip"), ascending: true, nullsFirst: false));
        Assert.Equal(expected, result.Relation);
    }

    [Fact]
    public void SortWithinPartitions_IsNotGlobal()
    {
        Assert.False(_spark.Table("t").SortWithinPartitions(Col("a")).Relation.Sort.IsGlobal);
    }

    [Fact]
    public void Limit_BuildsLimit()
    {
        DataFrame input = _spark.Table("sales");

        DataFrame result = input.Limit(5);

        Assert.Equal(new Proto.Relation { Common = Common(2), Limit = new Proto.Limit { Input = input.Relation, Limit_ = 5 } }, result.Relation);
    }

    [Fact]
    public void RandomSplit_TwoWeights_BuildsTwoDeterministicSamplesWithSharedSeed()
    {
        DataFrame input = _spark.Table("ratings");

        DataFrame[] parts = input.RandomSplit([0.8, 0.2], seed: 42);

        Assert.Equal(2, parts.Length);
        Assert.Equal(SampleOf(input, 2, 0.0, 0.8), parts[0].Relation);
        Assert.Equal(SampleOf(input, 3, 0.8, 1.0), parts[1].Relation);
    }

    [Fact]
    public void RandomSplit_UnnormalisedWeights_AreNormalised()
    {
        DataFrame[] parts = _spark.Table("ratings").RandomSplit([3, 1], seed: 7);

        Assert.Equal(0.75, parts[0].Relation.Sample.UpperBound);
        Assert.Equal(0.75, parts[1].Relation.Sample.LowerBound);
        Assert.Equal(1.0, parts[1].Relation.Sample.UpperBound);
    }

    [Theory]
    [InlineData(new[] { 1.0 })]
    [InlineData(new[] { 0.5, -0.5 })]
    [InlineData(new[] { 0.0, 0.0 })]
    public void RandomSplit_InvalidWeights_ThrowsArgumentException(double[] weights)
    {
        Assert.Throws<ArgumentException>(() => _spark.Table("ratings").RandomSplit(weights, seed: 1));
    }

    [Fact]
    public void Union_SameSession_BuildsUnionAll()
    {
        DataFrame left = _spark.Table("a");
        DataFrame right = _spark.Table("b");

        DataFrame result = left.Union(right);

        var expected = new Proto.Relation
        {
            Common = Common(3),
            SetOp = new Proto.SetOperation
            {
                LeftInput = left.Relation,
                RightInput = right.Relation,
                SetOpType = Proto.SetOperation.Types.SetOpType.Union,
                IsAll = true,
                ByName = false,
                AllowMissingColumns = false,
            },
        };
        Assert.Equal(expected, result.Relation);
    }

    [Fact]
    public void UnionByName_AllowMissing_SetsFlags()
    {
        Proto.SetOperation setOp = _spark.Table("a").UnionByName(_spark.Table("b"), allowMissingColumns: true).Relation.SetOp;

        Assert.True(setOp.ByName);
        Assert.True(setOp.AllowMissingColumns);
        Assert.True(setOp.IsAll);
    }

    [Fact]
    public void Union_FramesOfTwoSessions_ThrowsArgumentException()
    {
        DataFrame other = NewSession().Table("b");

        ArgumentException error = Assert.Throws<ArgumentException>(() => _spark.Table("a").Union(other));

        Assert.Contains("two different SparkSessions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DropDuplicates_NoColumns_UsesAllColumns()
    {
        Proto.Deduplicate dedup = _spark.Table("a").DropDuplicates().Relation.Deduplicate;

        Assert.True(dedup.AllColumnsAsKeys);
        Assert.Empty(dedup.ColumnNames);
    }

    private static Proto.Relation SampleOf(DataFrame input, long planId, double lower, double upper) => new()
    {
        Common = Common(planId),
        Sample = new Proto.Sample
        {
            Input = input.Relation,
            LowerBound = lower,
            UpperBound = upper,
            WithReplacement = false,
            Seed = 42,
            DeterministicOrder = true,
        },
    };
}
