using CxSpark.Connect.Sql;
using static CxSpark.Connect.Tests.Infrastructure.Protos;

namespace CxSpark.Connect.Tests.Sql;

public sealed class SparkSessionTests
{
    [Fact]
    public void NewDataFrame_PlanIds_IncreasePerSession()
    {
        SparkSession first = NewSession();
        SparkSession second = NewSession();

        DataFrame a = first.Range(10);
        DataFrame b = first.Table("sales").Filter("amount > 0");
        DataFrame c = second.Range(5);

        Assert.Equal(1, a.PlanId);
        Assert.Equal(2, b.Relation.Filter.Input.Common.PlanId);
        Assert.Equal(3, b.PlanId);
        Assert.Equal(1, c.PlanId);
    }

    [Fact]
    public void Range_BuildsRangeRelation()
    {
        DataFrame range = NewSession().Range(2, 20, 3, numPartitions: 4);

        Assert.Equal(2, range.Relation.Range.Start);
        Assert.Equal(20, range.Relation.Range.End);
        Assert.Equal(3, range.Relation.Range.Step);
        Assert.Equal(4, range.Relation.Range.NumPartitions);
    }

    [Fact]
    public void Range_WithoutPartitions_LeavesThemUnset()
    {
        Assert.False(NewSession().Range(5).Relation.Range.HasNumPartitions);
    }
}
