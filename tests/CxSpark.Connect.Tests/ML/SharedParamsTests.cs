using System.Diagnostics;
using System.Text.RegularExpressions;
using CxSpark.Connect.Errors;
using CxSpark.Connect.ML.Clustering;
using CxSpark.Connect.ML.Evaluation;
using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;
using CxSpark.Testing;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.ML;

/// <summary>The params scripts/gen-ml-params.sh writes from lib/CxSpark.Connect/ML/SharedParams.txt.</summary>
public sealed class SharedParamsTests
{
    private static readonly string s_ml = Path.Combine(RepoPaths.Root, "lib", "CxSpark.Connect", "ML");

    [Fact]
    public async Task GenMlParamsCheck_CommittedFiles_MatchTheTable()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "gen-ml-params.sh"), "--check"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        Task<string> errors = process.StandardError.ReadToEndAsync(timeout.Token);
        string output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"{output}{await errors}");
        Assert.Equal(string.Empty, output + await errors);
    }

    [Fact]
    public void HandWrittenParams_SparkNameInSeveralClasses_OnlyClassSpecificMeanings()
    {
        IEnumerable<string> repeated = Directory.EnumerateFiles(s_ml, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".g.cs", StringComparison.Ordinal))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), """\[SparkParam\("([^"]+)"\)\]""").Select(match => (Name: match.Groups[1].Value, File: file)))
            .GroupBy(param => param.Name)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .Order(StringComparer.Ordinal);

        // Spark declares these per class too: k counts clusters or ranks, metricName lists each evaluator's metrics.
        Assert.Equal(["k", "metricName"], repeated);
    }

    [Fact]
    public void ToProto_GeneratedAndHandWrittenParams_SentBySparkName()
    {
        Proto.MlParams wire = new KMeans { K = 3, FeaturesCol = "features", Seed = 1, DistanceMeasure = "cosine" }.ToProto();

        Assert.Equal(["distanceMeasure", "featuresCol", "k", "seed"], wire.Params.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Proto.Expression.Types.Literal { String = "features" }, wire.Params["featuresCol"]);
        Assert.Equal(new Proto.Expression.Types.Literal { Integer = 1 }, wire.Params["seed"]);
    }

    [Fact]
    public void CreateModel_EstimatorParams_ModelReadsBackTheOnesItShares()
    {
        SparkSession spark = TestSessions.Offline();
        var scaler = new StandardScaler { InputCol = "raw", OutputCol = "scaled", WithMean = true };

        StandardScalerModel model = scaler.CreateModel(spark, "model-1", spark.Range(1));
        model.CopyDeclaredParams(scaler.ParamValues);

        Assert.Equal(("raw", "scaled", true, null), (model.InputCol, model.OutputCol, model.WithMean, model.WithStd));
        Assert.Equal(["inputCol", "outputCol", "withMean"], model.ToProto().Params.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HandleInvalid_SkipOnOneHotEncoder_IsRefusedWhileStringIndexerTakesIt()
    {
        var error = Assert.Throws<InvalidParamException>(() => new OneHotEncoder { HandleInvalid = "skip" });

        Assert.Equal("handleInvalid", error.ParamName);
        Assert.Equal("skip", new StringIndexer { HandleInvalid = "skip" }.HandleInvalid);
    }

    [Fact]
    public void DistanceMeasure_SquaredEuclidean_OnlyClusteringEvaluatorTakesIt()
    {
        var error = Assert.Throws<InvalidParamException>(() => new KMeans { DistanceMeasure = "squaredEuclidean" });

        Assert.Equal("distanceMeasure", error.ParamName);
        Assert.Equal("squaredEuclidean", new ClusteringEvaluator { DistanceMeasure = "squaredEuclidean" }.DistanceMeasure);
    }
}
