using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML.Feature;

[Collection("Spark")]
public sealed class OneHotEncoderTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_ThreeCategories_EncodesWithLastDropped()
    {
        DataFrame indices = _spark.CreateDataFrame([[0.0], [1.0], [2.0]], "category DOUBLE");

        await using OneHotEncoderModel model = await new OneHotEncoder { InputCols = ["category"], OutputCols = ["onehot"] }.FitAsync(indices);
        IReadOnlyList<Row> rows = await model.Transform(indices).OrderBy("category").CollectAsync();
        int[] sizes = await model.CategorySizesAsync();

        Assert.Equal([3], sizes);
        Assert.Equal([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], rows.Select(r => (double[])r["onehot"]!));
    }

    [Fact]
    public async Task FitAsync_DropLastFalse_KeepsEveryCategory()
    {
        DataFrame indices = _spark.CreateDataFrame([[0.0], [1.0]], "category DOUBLE");

        await using OneHotEncoderModel model = await new OneHotEncoder { InputCol = "category", OutputCol = "onehot", DropLast = false }.FitAsync(indices);
        IReadOnlyList<Row> rows = await model.Transform(indices).OrderBy("category").CollectAsync();

        Assert.Equal([[1.0, 0.0], [0.0, 1.0]], rows.Select(r => (double[])r["onehot"]!));
    }
}
