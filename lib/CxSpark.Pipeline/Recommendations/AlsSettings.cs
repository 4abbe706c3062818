using System.Globalization;
using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>One ALS hyper-parameter combination of the tuning grid.</summary>
/// <param name="Rank">The number of latent factors.</param>
/// <param name="RegParam">The regularisation.</param>
/// <param name="Alpha">The implicit-feedback confidence scale (1 for explicit feedback).</param>
/// <param name="DecayDays">The time constant of the implicit strengths' decay (0 for none or explicit feedback).</param>
public sealed record AlsSettings(int Rank, double RegParam, double Alpha, double DecayDays)
{
    /// <summary>A short label for logs, metric keys and the model version, e.g. <c>r32-reg1-a20-d30</c>.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"r{Rank}-reg{RegParam}-a{Alpha}-d{DecayDays}");

    /// <summary>Every combination of the configured ranks, regularisation values and (implicit only) alphas and decays.</summary>
    public static IReadOnlyList<AlsSettings> Grid(RecommendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<double> alphas = options.IsExplicit ? [1.0] : options.Alphas;
        IReadOnlyList<double> decays = options.IsExplicit ? [0.0] : options.DecayDays;
        return [.. from rank in options.Ranks from reg in options.RegParams from alpha in alphas from decay in decays
                   select new AlsSettings(rank, reg, alpha, decay)];
    }

    /// <summary>The candidate products per ALS item block (<see cref="ItemBlocks"/>).</summary>
    public const int ProductsPerItemBlock = 1000;

    /// <summary>
    /// ALS's item blocks for <paramref name="candidateProducts"/> products: one per <see cref="ProductsPerItemBlock"/>, at
    /// least 2. Scoring (<c>recommendForUserSubset</c>) computes a partial top-k list per customer and item block and
    /// shuffles them all, so Spark's default of 10 blocks for 2,000 products made that shuffle 5× larger than 2 blocks
    /// (1 GB at 0.6M lines); the item side of a fit is small because the products are capped.
    /// </summary>
    public static int ItemBlocks(int candidateProducts) => Math.Max(2, (candidateProducts + ProductsPerItemBlock - 1) / ProductsPerItemBlock);

    /// <summary>Fits ALS on (<c>user</c>, <c>item</c>, <c>strength</c>) with these settings.</summary>
    public Task<ALSModel> FitAsync(DataFrame strengths, RecommendOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var als = new ALS
        {
            UserCol = "user",
            ItemCol = "item",
            RatingCol = "strength",
            Rank = Rank,
            RegParam = RegParam,
            MaxIter = options.MaxIter,
            Seed = options.Seed,
            ImplicitPrefs = !options.IsExplicit,
            ColdStartStrategy = "drop",
            NumItemBlocks = ItemBlocks(options.CandidateProducts),
        };
        if (!options.IsExplicit)
        {
            als.Alpha = Alpha;
        }

        return als.FitAsync(strengths, cancellationToken);
    }

    /// <summary>The settings as manifest entries.</summary>
    public IReadOnlyDictionary<string, string> ToManifest(RecommendOptions options) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["algorithm"] = "org.apache.spark.ml.recommendation.ALS",
        ["implicitPrefs"] = (!options.IsExplicit).ToString().ToLowerInvariant(),
        ["rank"] = Rank.ToString(CultureInfo.InvariantCulture),
        ["regParam"] = RegParam.ToString(CultureInfo.InvariantCulture),
        ["alpha"] = options.IsExplicit ? "n/a" : Alpha.ToString(CultureInfo.InvariantCulture),
        ["decayDays"] = options.IsExplicit ? "n/a" : DecayDays.ToString(CultureInfo.InvariantCulture),
        ["maxIter"] = options.MaxIter.ToString(CultureInfo.InvariantCulture),
        ["numItemBlocks"] = ItemBlocks(options.CandidateProducts).ToString(CultureInfo.InvariantCulture),
        ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
    };
}
