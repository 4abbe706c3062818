using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;

namespace CxSpark.Connect.IntegrationTests.ML;

/// <summary>Points drawn around three planted centres (normal noise, σ = 0.5), the same on every run.</summary>
public static class PlantedClusters
{
    public const int PointsPerCentre = 100;

    public static double[][] Centres { get; } = [[0.0, 0.0], [10.0, 10.0], [-10.0, 10.0]];

    public static double[][] Points { get; } = Generate();

    /// <summary>A frame with <c>x</c>, <c>y</c> doubles.</summary>
    public static DataFrame Coordinates(SparkSession spark) =>
        spark.CreateDataFrame(Points.Select(p => new object?[] { p[0], p[1] }), "x DOUBLE, y DOUBLE");

    /// <summary>A frame with an <c>id</c> and a <c>features</c> vector column.</summary>
    public static DataFrame Features(SparkSession spark) =>
        spark.CreateDataFrame(
            Points.Select((p, i) => new object?[] { i, p }),
            new StructType([new StructField("id", new IntegerType(), false), new StructField("features", UserDefinedType.Vector)]));

    /// <summary>Returns the centres ordered by x then y, to compare with fitted ones.</summary>
    public static double[][] Sorted(IEnumerable<double[]> centres) => centres.OrderBy(c => c[0]).ThenBy(c => c[1]).ToArray();

    private static double[][] Generate()
    {
        var random = new Random(20261126);
        var points = new List<double[]>();
        foreach (double[] centre in Centres)
        {
            for (int i = 0; i < PointsPerCentre; i++)
            {
                points.Add([centre[0] + Gaussian(random, 0.5), centre[1] + Gaussian(random, 0.5)]);
            }
        }

        return points.ToArray();
    }

    private static double Gaussian(Random random, double sigma) =>
        sigma * Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
