using System.Globalization;
using CxSpark.Connect.Client;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Profiles;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Quality;
using CxSpark.Pipeline.Recommendations;
using CxSpark.Pipeline.Segments;
using Microsoft.Extensions.Configuration;

namespace CxSpark.Pipeline.Configuration;

/// <summary>Reads <see cref="PipelineOptions"/> from an <see cref="IConfiguration"/>, naming the key of every bad value.</summary>
public static class PipelineOptionsLoader
{
    private static readonly string[] s_formats = ["parquet", "csv", "json", "orc"];

    /// <summary>Builds the options; <c>Input</c> and <c>Output</c> are required.</summary>
    /// <exception cref="PipelineConfigurationException">A value is missing or invalid.</exception>
    public static PipelineOptions Load(IConfiguration configuration)
    {
        var tables = new Dictionary<string, TableSource>();
        foreach (IConfigurationSection table in configuration.GetSection("Tables").GetChildren())
        {
            tables[table.Key] = LoadTable(table);
        }

        string? runId = configuration["RunId"];
        return new PipelineOptions
        {
            Input = Required(configuration, "Input"),
            Output = Required(configuration, "Output"),
            RunDate = Date(configuration, "RunDate") ?? DateOnly.FromDateTime(DateTime.UtcNow),
            RunId = runId is null ? PipelineOptions.NewRunId() : RunIds.Validate(runId),
            Remote = Empty(configuration["Remote"]),
            Tables = tables,
            Cleaning = LoadCleaning(configuration),
            Profiles = new ProfileOptions { ReferenceDate = Date(configuration, "Profiles:ReferenceDate") },
            Segments = LoadSegments(configuration),
            Recommend = LoadRecommend(configuration),
            Quality = LoadQuality(configuration),
            Publish = new PublishOptions { LockStaleHours = Number(configuration, "Publish:LockStaleHours") ?? new PublishOptions().LockStaleHours },
            Spark = LoadSpark(configuration),
            Effective = Flatten(configuration),
        };
    }

    private static CleaningOptions LoadCleaning(IConfiguration configuration)
    {
        var defaults = new CleaningOptions();
        return new CleaningOptions
        {
            CancellationPrefix = Empty(configuration["Cleaning:CancellationPrefix"]),
            MinRating = Number(configuration, "Cleaning:MinRating") ?? defaults.MinRating,
            MaxRating = Number(configuration, "Cleaning:MaxRating") ?? defaults.MaxRating,
            Bounds = LoadBounds(configuration),
            PiiHashKey = Empty(configuration["Pii:HashKey"]),
        };
    }

    private static SegmentOptions LoadSegments(IConfiguration configuration)
    {
        var defaults = new SegmentOptions();
        int min = Count(configuration, "Segments:MinK", 2) ?? defaults.MinK;
        int max = Count(configuration, "Segments:MaxK", 2) ?? defaults.MaxK;
        return max >= min
            ? new SegmentOptions { MinK = min, MaxK = max }
            : throw new PipelineConfigurationException("Segments:MinK", $"the k range {min}..{max} must have 2 <= MinK <= MaxK.");
    }

    private static SparkOptions LoadSpark(IConfiguration configuration)
    {
        var defaults = new SparkOptions();
        return new SparkOptions
        {
            ShufflePartitions = Count(configuration, "Spark:ShufflePartitions", 1) ?? defaults.ShufflePartitions,
            ConnectTimeoutSeconds = Count(configuration, "Spark:ConnectTimeoutSeconds", 1) ?? defaults.ConnectTimeoutSeconds,
        };
    }

    private static RecommendOptions LoadRecommend(IConfiguration configuration)
    {
        var defaults = new RecommendOptions();
        FeedbackKind feedback = Choice<FeedbackKind>(configuration, "Recommend:Feedback", text => $"'{text.ToLowerInvariant()}' is not 'implicit' or 'explicit'.")
            ?? defaults.Feedback;
        var weights = new EventWeights
        {
            Cart = NonNegative(configuration, "Recommend:CartWeight") ?? defaults.EventWeights.Cart,
            Wishlist = NonNegative(configuration, "Recommend:WishlistWeight") ?? defaults.EventWeights.Wishlist,
            View = NonNegative(configuration, "Recommend:ViewWeight") ?? defaults.EventWeights.View,
        };

        var options = new RecommendOptions
        {
            Feedback = feedback,
            TopN = Count(configuration, "Recommend:TopN", 1) ?? defaults.TopN,
            HoldoutDays = Count(configuration, "Recommend:HoldoutDays", 1) ?? defaults.HoldoutDays,
            ValidationDays = Count(configuration, "Recommend:ValidationDays", 1) ?? defaults.ValidationDays,
            PopularityDays = Count(configuration, "Recommend:PopularityDays", 1) ?? defaults.PopularityDays,
            Ranks = List(configuration, "Recommend:Ranks", 1)?.Select(r => (int)r).ToArray()
                ?? (feedback == FeedbackKind.Explicit ? RecommendOptions.ExplicitRanks : defaults.Ranks),
            RegParams = List(configuration, "Recommend:RegParams", 0) ?? (feedback == FeedbackKind.Explicit ? RecommendOptions.ExplicitRegParams : defaults.RegParams),
            Alphas = List(configuration, "Recommend:Alphas", 0) ?? defaults.Alphas,
            DecayDays = List(configuration, "Recommend:DecayDays", 0) ?? defaults.DecayDays,
            MaxIter = Count(configuration, "Recommend:MaxIter", 1) ?? defaults.MaxIter,
            Seed = (long?)Number(configuration, "Recommend:Seed") ?? defaults.Seed,
            EventWeights = weights,
            SimilarProducts = Count(configuration, "Recommend:SimilarProducts", 0) ?? defaults.SimilarProducts,
            CandidateProducts = Count(configuration, "Recommend:CandidateProducts", 1) ?? defaults.CandidateProducts,
            CandidateDays = Count(configuration, "Recommend:CandidateDays", 1) ?? defaults.CandidateDays,
            Evaluate = Flag(configuration, "Recommend:Evaluate") ?? defaults.Evaluate,
        };
        int settings = AlsSettings.Grid(options).Count;
        if (!options.Evaluate && settings != 1)
        {
            throw new PipelineConfigurationException("Recommend:Evaluate",
                $"false publishes without tuning, so the ALS grid must hold one setting, not {settings}: set Recommend:Ranks, :RegParams, :Alphas and :DecayDays to the values an evaluating run chose.");
        }

        return options;
    }

    private static QualityOptions LoadQuality(IConfiguration configuration)
    {
        var defaults = new QualityOptions();
        return new QualityOptions
        {
            History = Count(configuration, "Quality:History", 1) ?? defaults.History,
            CleanRowsAction = Action(configuration, "Quality:CleanRows:Action") ?? defaults.CleanRowsAction,
            CleanRowsMinRatio = NonNegative(configuration, "Quality:CleanRows:MinRatio") ?? defaults.CleanRowsMinRatio,
            QuarantineShareAction = Action(configuration, "Quality:QuarantineShare:Action") ?? defaults.QuarantineShareAction,
            QuarantineShareMaxRise = NonNegative(configuration, "Quality:QuarantineShare:MaxRise") ?? defaults.QuarantineShareMaxRise,
        };
    }

    private static GateAction? Action(IConfiguration configuration, string key) =>
        Choice<GateAction>(configuration, key, text => $"'{text}' is not fail, warn or off.");

    /// <summary>One of <typeparamref name="T"/>'s names, any case; numbers are refused; null when the key is unset.</summary>
    private static T? Choice<T>(IConfiguration configuration, string key, Func<string, string> refusal)
        where T : struct, Enum
    {
        string? text = Empty(configuration[key]);
        return text is null ? null
            : Enum.TryParse(text, ignoreCase: true, out T value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
            : throw new PipelineConfigurationException(key, refusal(text));
    }

    private static ValueBounds LoadBounds(IConfiguration configuration)
    {
        var defaults = new ValueBounds();
        return new ValueBounds
        {
            MaxQuantity = Bound(configuration, "Cleaning:MaxQuantity") ?? defaults.MaxQuantity,
            MaxUnitPrice = Bound(configuration, "Cleaning:MaxUnitPrice") ?? defaults.MaxUnitPrice,
            MaxLineAmount = Bound(configuration, "Cleaning:MaxLineAmount") ?? defaults.MaxLineAmount,
        };
    }

    /// <summary>A value bound: above zero and at most <see cref="ValueBounds.Limit"/>, so clean sums stay exact.</summary>
    private static double? Bound(IConfiguration configuration, string key)
    {
        double? value = Number(configuration, key);
        return value is null or (> 0 and <= ValueBounds.Limit) ? value
            : throw new PipelineConfigurationException(key, $"'{configuration[key]}' is not above 0 and at most {ValueBounds.Limit:0.#e0}.");
    }

    private static bool? Flag(IConfiguration configuration, string key)
    {
        string? text = Empty(configuration[key]);
        return text is null ? null
            : bool.TryParse(text, out bool value) ? value
            : throw new PipelineConfigurationException(key, $"'{text}' is not true or false.");
    }

    private static int? Count(IConfiguration configuration, string key, int minimum)
    {
        double? value = Number(configuration, key);
        return value is null ? null
            : value == Math.Floor(value.Value) && value >= minimum && value <= int.MaxValue ? (int)value.Value
            : throw new PipelineConfigurationException(key, $"'{configuration[key]}' is not a whole number of at least {minimum}.");
    }

    private static double? NonNegative(IConfiguration configuration, string key)
    {
        double? value = Number(configuration, key);
        return value is null or >= 0 ? value : throw new PipelineConfigurationException(key, $"'{configuration[key]}' is negative.");
    }

    /// <summary>A comma-separated list (or a JSON array) of numbers, each at least <paramref name="minimum"/>.</summary>
    private static double[]? List(IConfiguration configuration, string key, double minimum)
    {
        string? text = Empty(configuration[key]);
        string[] items = text is not null
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. configuration.GetSection(key).GetChildren().Select(c => c.Value ?? string.Empty)];
        if (items.Length == 0)
        {
            return null;
        }

        return [.. items.Select(item =>
            double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= minimum
                ? value
                : throw new PipelineConfigurationException(key, $"'{item}' in '{string.Join(',', items)}' is not a number of at least {minimum}."))];
    }

    private static TableSource LoadTable(IConfigurationSection table)
    {
        string format = (table["Format"] ?? "parquet").ToLowerInvariant();
        if (!s_formats.Contains(format))
        {
            throw new PipelineConfigurationException(table.Path + ":Format", $"'{format}' is not one of {string.Join(", ", s_formats)}.");
        }

        return new TableSource
        {
            Path = Empty(table["Path"]),
            Format = format,
            Schema = Empty(table["Schema"]),
            ReaderOptions = table.GetSection("Options").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? string.Empty),
            Mapping = table.GetSection("Mapping").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? string.Empty),
        };
    }

    private static string Required(IConfiguration configuration, string key) =>
        Empty(configuration[key]) ?? throw new PipelineConfigurationException(key, "is required (for example --" + key.ToLowerInvariant() + ").");

    private static DateOnly? Date(IConfiguration configuration, string key)
    {
        string? text = Empty(configuration[key]);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw new PipelineConfigurationException(key, $"'{text}' is not a date in yyyy-MM-dd form.");
    }

    private static double? Number(IConfiguration configuration, string key)
    {
        string? text = Empty(configuration[key]);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new PipelineConfigurationException(key, $"'{text}' is not a number.");
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Dictionary<string, string> Flatten(IConfiguration configuration) => configuration
        .AsEnumerable()
        .Where(pair => pair.Value is not null && IsPipelineKey(pair.Key))
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .ToDictionary(pair => pair.Key, pair => Secrets.RedactValue(pair.Key, pair.Value!));

    private static bool IsPipelineKey(string key) =>
        new[] { "ConfigFile", "Input", "Output", "RunDate", "RunId", "Remote", "Tables", "Cleaning", "Profiles", "Pii", "Spark", "Segments", "Recommend", "Publish", "Quality" }
            .Any(prefix => key == prefix || key.StartsWith(prefix + ":", StringComparison.Ordinal));
}
