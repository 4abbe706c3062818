using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML.Evaluation;

[Collection("Spark")]
public sealed class RankingEvaluatorTests(SparkServerFixture fixture)
{
    private static readonly (double[] Predicted, double[] Relevant)[] s_rows =
    [
        ([1, 6, 2, 7, 8, 3, 9, 10, 4, 5], [1, 2, 3, 4, 5]),
        ([4, 1, 5, 6, 2, 7, 3, 8, 9, 10], [1, 2, 3]),
        ([1, 2, 3, 4, 5], [7, 8]),
    ];

    private readonly SparkSession _spark = fixture.Spark;

    [Theory]
    [InlineData("precisionAtK", 3)]
    [InlineData("precisionAtK", 5)]
    [InlineData("ndcgAtK", 3)]
    [InlineData("ndcgAtK", 10)]
    [InlineData("meanAveragePrecision", 10)]
    public async Task EvaluateAsync_Metric_EqualsRankingMetricComputedInCSharp(string metric, int k)
    {
        DataFrame frame = _spark.CreateDataFrame(
            s_rows.Select(r => new object?[] { r.Predicted, r.Relevant }), "prediction ARRAY<DOUBLE>, label ARRAY<DOUBLE>");

        double value = await new RankingEvaluator { MetricName = metric, K = k }.EvaluateAsync(frame);

        double expected = s_rows.Average(r => metric switch
        {
            "precisionAtK" => r.Predicted.Take(k).Count(r.Relevant.Contains) / (double)k,
            "ndcgAtK" => Ndcg(r.Predicted, r.Relevant, k),
            _ => AveragePrecision(r.Predicted, r.Relevant),
        });
        Assert.Equal(expected, value, 1e-12);
    }

    private static double Ndcg(double[] predicted, double[] relevant, int k)
    {
        int n = Math.Min(Math.Max(predicted.Length, relevant.Length), k);
        double dcg = 0;
        double ideal = 0;
        for (int i = 0; i < n; i++)
        {
            double gain = 1.0 / Math.Log2(i + 2);
            dcg += i < predicted.Length && relevant.Contains(predicted[i]) ? gain : 0;
            ideal += i < relevant.Length ? gain : 0;
        }

        return dcg / ideal;
    }

    private static double AveragePrecision(double[] predicted, double[] relevant)
    {
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            if (relevant.Contains(predicted[i]))
            {
                hits++;
                sum += hits / (double)(i + 1);
            }
        }

        return sum / relevant.Length;
    }
}
