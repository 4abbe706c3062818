using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.ML.Recommendation;

/// <summary>The relations an ALSModel builds, against WIRE-SAMPLES.md (transform, recommendFor…, userFactors).</summary>
public sealed class ALSModelTests
{
    private readonly SparkSession _spark = TestSessions.Offline();

    [Fact]
    public void Transform_ModelFromFit_SendsObjRefAndOnlyTheModelsParams()
    {
        ALSModel model = Model(new ALS { UserCol = "userId", ItemCol = "movieId", Rank = 10, RegParam = 0.1, ColdStartStrategy = "drop" });
        DataFrame input = _spark.Range(5);

        Proto.MlRelation.Types.Transform transform = model.Transform(input).Relation.MlRelation.Transform;

        Assert.Equal("model-1", transform.ObjRef.Id);
        Assert.Same(input.Relation, transform.Input);
        Assert.Equal(["coldStartStrategy", "itemCol", "userCol"], transform.Params.Params.Keys.Order());
    }

    [Fact]
    public void RecommendForAllUsers_Count_IsAnIntegerArgument()
    {
        Proto.Fetch fetch = Model(new ALS()).RecommendForAllUsers(3).Relation.MlRelation.Fetch;

        Proto.Fetch.Types.Method method = Assert.Single(fetch.Methods);
        Assert.Equal("recommendForAllUsers", method.Method_);
        Assert.Equal(new Proto.Expression.Types.Literal { Integer = 3 }, Assert.Single(method.Args).Param);
    }

    [Fact]
    public void RecommendForUserSubset_FrameAndCount_AreInputThenInteger()
    {
        DataFrame users = _spark.Range(3);

        Proto.Fetch.Types.Method method = Assert.Single(Model(new ALS()).RecommendForUserSubset(users, 5).Relation.MlRelation.Fetch.Methods);

        Assert.Equal("recommendForUserSubset", method.Method_);
        Assert.Same(users.Relation, method.Args[0].Input);
        Assert.Equal(5, method.Args[1].Param.Integer);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model(new ALS()).RecommendForAllItems(0));
    }

    [Fact]
    public void UserFactors_IsALazyFetchWithoutArguments()
    {
        Proto.Fetch fetch = Model(new ALS()).UserFactors.Relation.MlRelation.Fetch;

        Assert.Equal("userFactors", Assert.Single(fetch.Methods).Method_);
        Assert.Empty(fetch.Methods[0].Args);
    }

    private ALSModel Model(ALS estimator)
    {
        ALSModel model = estimator.CreateModel(_spark, "model-1", _spark.Range(1));
        model.CopyDeclaredParams(estimator.ParamValues);
        return model;
    }
}
