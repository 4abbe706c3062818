using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.ML.Clustering;
using CxSpark.Connect.ML.Linalg;
using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.ML.Linalg;

/// <summary>Vector columns both ways: sent as VectorUDT local data, collected as double[], converted with SQL functions.</summary>
[Collection("Spark")]
public sealed class VectorsTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task CreateDataFrame_VectorColumn_RoundTripsAsDoubleArrays()
    {
        DataFrame frame = Vectors3();

        IReadOnlyList<Row> rows = await frame.OrderBy("id").CollectAsync();
        StructType schema = await frame.SchemaAsync();

        Assert.Equal(UserDefinedType.VectorUdtClass, Assert.IsType<UserDefinedType>(schema.Fields[1].DataType).JvmClass);
        Assert.Equal([[1.0, 2.0], [0.0, -3.5], [4.25, 0.0]], rows.Select(r => (double[])r["v"]!));
    }

    [Fact]
    public async Task CreateDataFrame_DenseAndSparseVectorValues_CollectAsDenseArrays()
    {
        DataFrame frame = _spark.CreateDataFrame(
            [[1, Vectors.Dense(0.5, 1.5, 0.0)], [2, Vectors.Sparse(3, [2], [9.0])]],
            new StructType([new StructField("id", new IntegerType()), new StructField("v", UserDefinedType.Vector)]));

        IReadOnlyList<Row> rows = await frame.OrderBy("id").CollectAsync();

        Assert.Equal([[0.5, 1.5, 0.0], [0.0, 0.0, 9.0]], rows.Select(r => (double[])r["v"]!));
    }

    [Fact]
    public async Task VectorToArray_VectorColumn_GivesArrayOfDoubles()
    {
        DataFrame arrays = Vectors3().Select(Col("id"), VectorToArray(Col("v")).Alias("a"));

        IReadOnlyList<Row> rows = await arrays.OrderBy("id").CollectAsync();
        StructType schema = await arrays.SchemaAsync();

        Assert.Equal(new ArrayType(new DoubleType(), false), schema.Fields[1].DataType);
        Assert.Equal([[1.0, 2.0], [0.0, -3.5], [4.25, 0.0]], rows.Select(r => r.GetArray<double>("a")));
    }

    [Fact]
    public async Task ArrayToVector_ArrayColumn_FeedsKMeans()
    {
        DataFrame points = PlantedClusters.Coordinates(_spark).Select(ArrayToVector(Functions.Array(Col("x"), Col("y"))).Alias("features"));

        StructType schema = await points.SchemaAsync();
        await using KMeansModel model = await new KMeans { K = 3, Seed = 1 }.FitAsync(points);

        Assert.IsType<UserDefinedType>(schema.Fields[0].DataType);
        double[][] centres = PlantedClusters.Sorted(await model.ClusterCentersAsync());
        Assert.Equal(PlantedClusters.Sorted(PlantedClusters.Centres), centres.Select(c => c.Select(v => Math.Round(v)).ToArray()));
    }

    private DataFrame Vectors3() => _spark.CreateDataFrame(
        [[1, new[] { 1.0, 2.0 }], [2, new[] { 0.0, -3.5 }], [3, new[] { 4.25, 0.0 }]],
        new StructType([new StructField("id", new IntegerType()), new StructField("v", UserDefinedType.Vector)]));
}
