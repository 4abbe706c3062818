using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML.Feature;

[Collection("Spark")]
public sealed class StringIndexerTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_ByFrequency_IndexesMostFrequentLabelFirst()
    {
        DataFrame letters = _spark.CreateDataFrame([["a"], ["b"], ["b"], ["c"], ["c"], ["c"]], "letter STRING");

        await using StringIndexerModel model = await new StringIndexer { InputCol = "letter", OutputCol = "index" }.FitAsync(letters);
        string[] labels = await model.LabelsAsync();
        IReadOnlyList<Row> indexed = await model.Transform(letters).Distinct().OrderBy("letter").CollectAsync();

        Assert.Equal(["c", "b", "a"], labels);
        Assert.Equal([["c", "b", "a"]], await model.LabelsArrayAsync());
        Assert.Equal([2.0, 1.0, 0.0], indexed.Select(r => r.GetDouble("index")));
    }

    [Fact]
    public async Task Transform_UnseenLabelWithKeep_GetsTheExtraIndex()
    {
        DataFrame training = _spark.CreateDataFrame([["x"], ["y"], ["y"]], "letter STRING");
        DataFrame unseen = _spark.CreateDataFrame([["z"]], "letter STRING");
        await using StringIndexerModel model = await new StringIndexer { InputCol = "letter", OutputCol = "index", StringOrderType = "alphabetAsc" }.FitAsync(training);

        model.HandleInvalid = "keep";
        Row row = Assert.Single(await model.Transform(unseen).CollectAsync());

        Assert.Equal(["x", "y"], await model.LabelsAsync());
        Assert.Equal(2.0, row.GetDouble("index"));
    }
}
