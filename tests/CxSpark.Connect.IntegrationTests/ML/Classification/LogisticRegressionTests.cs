using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Classification;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.ML.Linalg;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.ML.Classification;

/// <summary>Logistic regression on two planted clusters: separation, attributes, vector and matrix params, save and load.</summary>
[Collection("Spark")]
public sealed class LogisticRegressionTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task FitAsync_SeparableClusters_ClassifiesEveryPointAndAucIsOne()
    {
        DataFrame labelled = TwoClusters();

        await using LogisticRegressionModel model = await new LogisticRegression { MaxIter = 50, RegParam = 0.01 }.FitAsync(labelled);
        DataFrame predictions = model.Transform(labelled);
        long wrong = await predictions.Where(!(Col("prediction") == Col("label"))).CountAsync();
        double auc = await new BinaryClassificationEvaluator().EvaluateAsync(predictions);

        double[] coefficients = await model.CoefficientsAsync();
        Matrix matrix = await model.CoefficientMatrixAsync();
        Assert.Equal(0, wrong);
        Assert.Equal(1.0, auc);
        Assert.Equal(2, await model.NumClassesAsync());
        Assert.Equal(2, await model.NumFeaturesAsync());
        Assert.All(coefficients, c => Assert.True(c > 0));
        Assert.Equal((1, 2), (matrix.NumRows, matrix.NumCols));
        Assert.Equal(coefficients, matrix.ToRowArrays()[0]);
        Assert.Equal(await model.InterceptAsync(), Assert.Single(await model.InterceptVectorAsync()));
    }

    [Fact]
    public async Task FitAsync_MatrixAndVectorBounds_AreSentAndHonoured()
    {
        var regression = new LogisticRegression
        {
            MaxIter = 50,
            Family = "binomial",
            UpperBoundsOnCoefficients = DenseMatrix.FromRows([[0.0, 10.0]]),
            LowerBoundsOnCoefficients = new SparseMatrix(1, 2, [0, 0, 1], [0], [-10.0]),
            LowerBoundsOnIntercepts = Vectors.Dense(1.5),
            UpperBoundsOnIntercepts = Vectors.Sparse(1, [0], [20.0]),
        };

        await using LogisticRegressionModel model = await regression.FitAsync(TwoClusters());
        double[] coefficients = await model.CoefficientsAsync();
        double intercept = await model.InterceptAsync();

        Assert.InRange(coefficients[0], -1e-9, 1e-9);
        Assert.InRange(coefficients[1], 0, 10 + 1e-9);
        Assert.InRange(intercept, 1.5 - 1e-9, 20 + 1e-9);
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_GivesIdenticalProbabilities()
    {
        DataFrame labelled = TwoClusters();
        await using LogisticRegressionModel model = await new LogisticRegression { MaxIter = 20, Threshold = 0.7 }.FitAsync(labelled);
        string path = Path.Combine(RepoPaths.NewTempDir("logistic-model"), "model");

        await model.SaveAsync(path);
        await using LogisticRegressionModel loaded = await LogisticRegressionModel.LoadAsync(_spark, path);

        Assert.Equal(0.7, loaded.Threshold);
        Assert.Equal(await Probabilities(model, labelled), await Probabilities(loaded, labelled));
    }

    private static async Task<double[][]> Probabilities(LogisticRegressionModel model, DataFrame frame) =>
        (await model.Transform(frame).OrderBy("id").CollectAsync()).Select(r => (double[])r["probability"]!).ToArray();

    private DataFrame TwoClusters() => PlantedClusters.Features(_spark)
        .Where(Col("id") < 2 * PlantedClusters.PointsPerCentre)
        .WithColumn("label", Floor(Col("id") / PlantedClusters.PointsPerCentre).Cast("double"));
}
