using CxSpark.Connect.Errors;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.ML.Recommendation;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.ML;

/// <summary>Param literal kinds as PySpark sends them (WIRE-SAMPLES.md "ALS fit (explicit), params").</summary>
public sealed class ParamsTests
{
    [Fact]
    public void ToProto_ExplicitAls_SendsOnlySetParamsWithPySparkLiteralKinds()
    {
        var als = new ALS { UserCol = "userId", ItemCol = "movieId", RatingCol = "rating", Rank = 10, MaxIter = 2, RegParam = 0.1, Seed = 42, ColdStartStrategy = "drop" };

        Proto.MlParams wire = als.ToProto();

        Assert.Equal(["coldStartStrategy", "itemCol", "maxIter", "rank", "ratingCol", "regParam", "seed", "userCol"], wire.Params.Keys.Order());
        Assert.Equal(new Proto.Expression.Types.Literal { Integer = 10 }, wire.Params["rank"]);
        Assert.Equal(new Proto.Expression.Types.Literal { Integer = 42 }, wire.Params["seed"]);
        Assert.Equal(new Proto.Expression.Types.Literal { Double = 0.1 }, wire.Params["regParam"]);
        Assert.Equal(new Proto.Expression.Types.Literal { String = "drop" }, wire.Params["coldStartStrategy"]);
    }

    [Fact]
    public void ToProto_SeedBeyondInt_IsSentAsLong()
    {
        Proto.MlParams wire = new ALS { Seed = 1L << 40, ImplicitPrefs = true, Alpha = 20 }.ToProto();

        Assert.Equal(new Proto.Expression.Types.Literal { Long = 1L << 40 }, wire.Params["seed"]);
        Assert.Equal(new Proto.Expression.Types.Literal { Boolean = true }, wire.Params["implicitPrefs"]);
        Assert.Equal(new Proto.Expression.Types.Literal { Double = 20.0 }, wire.Params["alpha"]);
    }

    [Fact]
    public void ToProto_StringArrayParam_IsAnArrayOfStrings()
    {
        Proto.Expression.Types.Literal inputCols = new VectorAssembler { InputCols = ["rating", "timestamp"] }.ToProto().Params["inputCols"];

        Assert.Equal(Proto.Expression.Types.Literal.LiteralTypeOneofCase.Array, inputCols.LiteralTypeCase);
        Assert.Equal(["rating", "timestamp"], inputCols.Array.Elements.Select(e => e.String));
        Assert.Equal(Proto.DataType.KindOneofCase.String, inputCols.DataType.Array.ElementType.KindCase);
    }

    [Fact]
    public void Uid_NewEstimator_IsClassNameAndTwelveHexDigits()
    {
        string uid = new ALS().Uid;

        Assert.Matches("^ALS_[0-9a-f]{12}$", uid);
        Assert.NotEqual(uid, new ALS().Uid);
    }

    [Fact]
    public void SetParam_NullOrPropertyNull_ClearsTheParam()
    {
        var als = new ALS { Rank = 5, UserCol = "u" };

        als.SetParam("rank", null);
        als.UserCol = null;

        Assert.Empty(als.ToProto().Params);
        Assert.Null(als.Rank);
    }

    [Fact]
    public void SetParam_UnsupportedValue_Throws()
    {
        var error = Assert.Throws<InvalidParamException>(() => new ALS().SetParam("custom", new object()));

        Assert.Equal("custom", error.ParamName);
    }
}
