using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.ML.Evaluation;

[Collection("Spark")]
public sealed class RegressionEvaluatorTests(SparkServerFixture fixture)
{
    private static readonly (double Label, double Prediction)[] s_pairs = [(3.0, 2.5), (-0.5, 0.0), (2.0, 2.0), (7.0, 8.0), (4.5, 4.0)];

    private readonly SparkSession _spark = fixture.Spark;

    [Theory]
    [InlineData("rmse")]
    [InlineData("mse")]
    [InlineData("mae")]
    [InlineData("r2")]
    public async Task EvaluateAsync_Metric_EqualsTheMetricComputedInCSharp(string metric)
    {
        DataFrame frame = _spark.CreateDataFrame(s_pairs.Select(p => new object?[] { p.Label, p.Prediction }), "label DOUBLE, prediction DOUBLE");
        var evaluator = new RegressionEvaluator { MetricName = metric };

        double value = await evaluator.EvaluateAsync(frame);

        double mse = s_pairs.Average(p => Math.Pow(p.Label - p.Prediction, 2));
        double mean = s_pairs.Average(p => p.Label);
        double expected = metric switch
        {
            "rmse" => Math.Sqrt(mse),
            "mse" => mse,
            "mae" => s_pairs.Average(p => Math.Abs(p.Label - p.Prediction)),
            _ => 1 - (s_pairs.Sum(p => Math.Pow(p.Label - p.Prediction, 2)) / s_pairs.Sum(p => Math.Pow(p.Label - mean, 2))),
        };
        Assert.Equal(expected, value, 1e-12);
        Assert.Equal(metric == "r2", evaluator.IsLargerBetter);
    }
}
