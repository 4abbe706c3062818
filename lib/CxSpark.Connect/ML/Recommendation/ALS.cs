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
public sealed class ALS : Estimator<ALSModel>
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

    /// <summary>Gets or sets the user id column (<c>userCol</c>, default <c>user</c>).</summary>
    [SparkParam("userCol")]
    public string? UserCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the item id column (<c>itemCol</c>, default <c>item</c>).</summary>
    [SparkParam("itemCol")]
    public string? ItemCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the rating column (<c>ratingCol</c>, default <c>rating</c>).</summary>
    [SparkParam("ratingCol")]
    public string? RatingCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the prediction column (<c>predictionCol</c>, default <c>prediction</c>).</summary>
    [SparkParam("predictionCol")]
    public string? PredictionCol { get => GetObject<string>(); set => SetValue(value); }

    /// <summary>Gets or sets the number of latent factors (<c>rank</c>, at least 1, default 10).</summary>
    [SparkParam("rank")]
    public int? Rank { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(1)); }

    /// <summary>Gets or sets the maximum number of iterations (<c>maxIter</c>, at least 0, default 10).</summary>
    [SparkParam("maxIter")]
    public int? MaxIter { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(0)); }

    /// <summary>Gets or sets the regularization parameter (<c>regParam</c>, at least 0, default 0.1).</summary>
    [SparkParam("regParam")]
    public double? RegParam { get => GetValue<double>(); set => SetValue(value, ParamCheck.AtLeast(0)); }

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

    /// <summary>Gets or sets the random seed (<c>seed</c>).</summary>
    [SparkParam("seed")]
    public long? Seed { get => GetValue<long>(); set => SetValue(value); }

    /// <summary>Gets or sets what to do with unknown users or items at prediction time (<c>coldStartStrategy</c>: <c>nan</c>, the default, or <c>drop</c>).</summary>
    [SparkParam("coldStartStrategy")]
    public string? ColdStartStrategy { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("nan", "drop")); }

    /// <summary>Gets or sets the block size for stacking input data (<c>blockSize</c>, default 4096).</summary>
    [SparkParam("blockSize")]
    public int? BlockSize { get => GetValue<int>(); set => SetValue(value, ParamCheck.GreaterThan(0)); }

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
