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
        ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
    };
}
