using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML.Evaluation;

[Collection("Spark")]
public sealed class BinaryClassificationEvaluatorTests(SparkServerFixture fixture)
{
    private static readonly (double Score, double Label)[] s_scored =
        [(0.9, 1), (0.8, 1), (0.7, 0), (0.6, 1), (0.55, 0), (0.5, 1), (0.4, 0), (0.3, 0), (0.2, 1), (0.1, 0)];

    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task EvaluateAsync_AreaUnderROC_EqualsThePairwiseRankStatistic()
    {
        DataFrame frame = _spark.CreateDataFrame(s_scored.Select(s => new object?[] { s.Score, s.Label }), "score DOUBLE, label DOUBLE");

        double auc = await new BinaryClassificationEvaluator { RawPredictionCol = "score", MetricName = "areaUnderROC" }.EvaluateAsync(frame);

        double[] positives = s_scored.Where(s => s.Label == 1).Select(s => s.Score).ToArray();
        double[] negatives = s_scored.Where(s => s.Label == 0).Select(s => s.Score).ToArray();
        double expected = positives.Sum(p => negatives.Count(n => p > n)) / (double)(positives.Length * negatives.Length);
        Assert.Equal(expected, auc, 1e-12);
    }

    [Fact]
    public async Task EvaluateAsync_AreaUnderPR_EqualsTrapezoidsOfThePrecisionRecallCurve()
    {
        DataFrame frame = _spark.CreateDataFrame(s_scored.Select(s => new object?[] { s.Score, s.Label }), "score DOUBLE, label DOUBLE");

        double area = await new BinaryClassificationEvaluator { RawPredictionCol = "score", MetricName = "areaUnderPR", NumBins = 0 }.EvaluateAsync(frame);

        // Spark's curve: one (recall, precision) point per distinct score, high to low, after (0, first precision).
        int totalPositives = s_scored.Count(s => s.Label == 1);
        var curve = new List<(double Recall, double Precision)>();
        foreach (double threshold in s_scored.Select(s => s.Score).Distinct().OrderDescending())
        {
            int truePositives = s_scored.Count(s => s.Score >= threshold && s.Label == 1);
            int predicted = s_scored.Count(s => s.Score >= threshold);
            curve.Add((truePositives / (double)totalPositives, truePositives / (double)predicted));
        }

        curve.Insert(0, (0.0, curve[0].Precision));
        double expected = curve.Zip(curve.Skip(1)).Sum(p => (p.Second.Recall - p.First.Recall) * (p.First.Precision + p.Second.Precision) / 2);
        Assert.Equal(expected, area, 1e-12);
    }
}
