using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Recommendation;

/// <summary>Alternating least squares matrix factorization for recommendations, as <c>org.apache.spark.ml.recommendation.ALS</c>.</summary>
/// <remarks>User and item ids must be integers that fit in an <see cref="int"/>. Unset params take Spark's defaults.</remarks>
/// <example>
/// <code>
/// var als = new ALS { UserCol = "userId", ItemCol = "movieId", RatingCol = "rating", Rank = 10, RegParam = 0.1, ColdStartStrategy = "drop" };
/// await using ALSModel model = await als.FitAsync(training);
/// double rmse = await new RegressionEvaluator { LabelCol = "rating", MetricName = "rmse" }.EvaluateAsync(model.Transform(test));
/// </code>
/// </example>
public sealed partial class ALS : Estimator<ALSModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public ALS()
        : this(null)
    {
    }

    private ALS(string? uid)
        : base(uid)
    {
    }

    /// <summary>Gets or sets the rating column (<c>ratingCol</c>, default <c>rating</c>).</summary>
    [SparkParam("ratingCol")]
    public string? RatingCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the number of latent factors (<c>rank</c>, at least 1, default 10).</summary>
    [SparkParam("rank")]
    public int? Rank { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(1)); }

    /// <summary>Gets or sets whether ratings are implicit feedback (<c>implicitPrefs</c>, default false).</summary>
    [SparkParam("implicitPrefs")]
    public bool? ImplicitPrefs { get => GetValue<bool>(); set => SetValue(value); }

    /// <summary>Gets or sets the confidence scale of implicit feedback (<c>alpha</c>, at least 0, default 1.0).</summary>
    [SparkParam("alpha")]
    public double? Alpha { get => GetValue<double>(); set => SetValue(value, ParamCheck.AtLeast(0)); }

    /// <summary>Gets or sets whether the factors are constrained to be non-negative (<c>nonnegative</c>, default false).</summary>
    [SparkParam("nonnegative")]
    public bool? Nonnegative { get => GetValue<bool>(); set => SetValue(value); }

    /// <summary>Gets or sets the number of user blocks (<c>numUserBlocks</c>, at least 1, default 10).</summary>
    [SparkParam("numUserBlocks")]
    public int? NumUserBlocks { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(1)); }

    /// <summary>Gets or sets the number of item blocks (<c>numItemBlocks</c>, at least 1, default 10).</summary>
    [SparkParam("numItemBlocks")]
    public int? NumItemBlocks { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(1)); }

    /// <summary>Gets or sets the checkpoint interval in iterations (<c>checkpointInterval</c>, -1 to disable, default 10).</summary>
    [SparkParam("checkpointInterval")]
    public int? CheckpointInterval { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(-1)); }

    /// <summary>Gets or sets the storage level of intermediate data (<c>intermediateStorageLevel</c>, default <c>MEMORY_AND_DISK</c>).</summary>
    [SparkParam("intermediateStorageLevel")]
    public string? IntermediateStorageLevel { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the storage level of the final factors (<c>finalStorageLevel</c>, default <c>MEMORY_AND_DISK</c>).</summary>
    [SparkParam("finalStorageLevel")]
    public string? FinalStorageLevel { get => GetObject<string>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.recommendation.ALS";

    /// <summary>Loads an estimator saved with <see cref="Estimator{TModel}.SaveAsync"/>.</summary>
    public static Task<ALS> LoadAsync(SparkSession spark, string path, CancellationToken cancellationToken = default) =>
        MLReader.LoadEstimatorAsync(spark, path, uid => new ALS(uid), cancellationToken);

    internal override ALSModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
