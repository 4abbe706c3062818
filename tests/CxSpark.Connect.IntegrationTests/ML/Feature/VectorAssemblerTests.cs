using CxSpark.Connect.Errors;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML.Feature;

[Collection("Spark")]
public sealed class VectorAssemblerTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task Transform_NumericColumns_CollectsVectorsAsDoubleArrays()
    {
        DataFrame frame = _spark.CreateDataFrame([[1, 2.5, true], [2, -1.0, false]], "id INT, x DOUBLE, flag BOOLEAN");

        IReadOnlyList<Row> rows = await new VectorAssembler { InputCols = ["id", "x", "flag"], OutputCol = "features" }
            .Transform(frame).OrderBy("id").CollectAsync();

        Assert.Equal([[1.0, 2.5, 1.0], [2.0, -1.0, 0.0]], rows.Select(r => (double[])r["features"]!));
    }

    [Fact]
    public async Task Transform_NullWithSkip_DropsTheRowAndWithErrorFails()
    {
        DataFrame frame = _spark.CreateDataFrame([[1, 1.0], [2, null]], "id INT, x DOUBLE");
        var assembler = new VectorAssembler { InputCols = ["x"], OutputCol = "features", HandleInvalid = "skip" };

        long kept = await assembler.Transform(frame).CountAsync();
        assembler.HandleInvalid = null;

        Assert.Equal(1, kept);
        await Assert.ThrowsAnyAsync<SparkServerException>(() => assembler.Transform(frame).CollectAsync());
        Assert.Throws<InvalidParamException>(() => new VectorAssembler { InputCols = [] });
    }
}
