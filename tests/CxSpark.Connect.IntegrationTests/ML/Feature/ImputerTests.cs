using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML.Feature;

[Collection("Spark")]
public sealed class ImputerTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Theory]
    [InlineData("mean", 3.0)]
    [InlineData("median", 2.0)]
    public async Task FitAsync_NullsAndNaN_ReplacedByTheStrategyValue(string strategy, double expected)
    {
        DataFrame values = _spark.CreateDataFrame([[1, 1.0], [2, null], [3, 2.0], [4, double.NaN], [5, 6.0]], "id INT, amount DOUBLE");

        await using ImputerModel model = await new Imputer { InputCols = ["amount"], OutputCols = ["filled"], Strategy = strategy }.FitAsync(values);
        Row surrogate = Assert.Single(await model.SurrogateDF.CollectAsync());
        IReadOnlyList<Row> rows = await model.Transform(values).OrderBy("id").CollectAsync();

        Assert.Equal(expected, surrogate.GetDouble("amount"));
        Assert.Equal([1.0, expected, 2.0, expected, 6.0], rows.Select(r => r.GetDouble("filled")));
    }
}
