using System.Globalization;
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
            RunId = string.IsNullOrWhiteSpace(runId) ? PipelineOptions.NewRunId() : runId,
            Remote = Empty(configuration["Remote"]),
            Tables = tables,
            CancellationPrefix = Empty(configuration["Cleaning:CancellationPrefix"]),
            MinRating = Number(configuration, "Cleaning:MinRating") ?? 0.5,
            MaxRating = Number(configuration, "Cleaning:MaxRating") ?? 5.0,
            ReferenceDate = Date(configuration, "Profiles:ReferenceDate"),
            PiiHashKey = Empty(configuration["Pii:HashKey"]),
            ShufflePartitions = (int)(Number(configuration, "Spark:ShufflePartitions") ?? 8),
            SegmentsMinK = (int?)Number(configuration, "Segments:MinK"),
            SegmentsMaxK = (int?)Number(configuration, "Segments:MaxK"),
            ConnectTimeoutSeconds = (int)(Number(configuration, "Spark:ConnectTimeoutSeconds") ?? 60),
            Effective = Flatten(configuration),
        };
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
        .ToDictionary(pair => pair.Key, pair => IsSecret(pair.Key, pair.Value!) ? "***" : pair.Value!);

    private static bool IsPipelineKey(string key) =>
        new[] { "ConfigFile", "Input", "Output", "RunDate", "RunId", "Remote", "Tables", "Cleaning", "Profiles", "Pii", "Spark" }
            .Any(prefix => key == prefix || key.StartsWith(prefix + ":", StringComparison.Ordinal));

    private static bool IsSecret(string key, string value) =>
        key.Contains("Key", StringComparison.OrdinalIgnoreCase) || value.Contains("token=", StringComparison.OrdinalIgnoreCase);
}
