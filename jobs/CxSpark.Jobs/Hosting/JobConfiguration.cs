using System.CommandLine;
using CxSpark.Jobs.Commands;
using CxSpark.Pipeline.Configuration;
using CxSpark.Pipeline.Publishing;
using Microsoft.Extensions.Configuration;

namespace CxSpark.Jobs.Hosting;

/// <summary>Builds a job's configuration: defaults, then the JSON file, then CXSPARK_ environment variables, then the command line.</summary>
public static class JobConfiguration
{
    /// <summary>The environment variable prefix (CXSPARK_Cleaning__CancellationPrefix sets Cleaning:CancellationPrefix).</summary>
    public const string EnvironmentPrefix = "CXSPARK_";

    /// <summary>The bundled sample raw zone, relative to the repository root.</summary>
    public const string SampleInput = "data-samples/online-retail";

    /// <summary>The configuration file a raw zone may carry in its root folder, used when no --config is given.</summary>
    public const string RawZoneConfigFile = "cxspark.json";

    /// <summary>Loads the options of one run.</summary>
    /// <exception cref="PipelineConfigurationException">A value is missing or invalid.</exception>
    public static PipelineOptions Load(ParseResult parsed, CommonOptions common)
    {
        PipelineOptions options = Load(parsed, common, parsed.GetValue(common.Config));
        string zoneConfig = Path.Combine(options.Input, RawZoneConfigFile);
        bool useZoneConfig = parsed.GetValue(common.Config) is null && StoragePath.IsLocal(options.Input) && File.Exists(zoneConfig);
        return useZoneConfig ? Load(parsed, common, zoneConfig) : options;
    }

    private static PipelineOptions Load(ParseResult parsed, CommonOptions common, string? file)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(Defaults());
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new PipelineConfigurationException("--config", $"file {Path.GetFullPath(file)} does not exist.");
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
            builder.AddInMemoryCollection(new Dictionary<string, string?> { ["ConfigFile"] = Path.GetFullPath(file) });
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddCommandLine(parsed.GetValue(common.Set) ?? []);
        var explicitOptions = new Dictionary<string, string?>
        {
            ["Input"] = parsed.GetValue(common.Input),
            ["Output"] = parsed.GetValue(common.Output),
            ["RunDate"] = parsed.GetValue(common.RunDate),
            ["Remote"] = parsed.GetValue(common.Remote),
        };
        builder.AddInMemoryCollection(explicitOptions.Where(pair => pair.Value is not null));
        try
        {
            return PipelineOptionsLoader.Load(builder.Build());
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new PipelineConfigurationException(file ?? "--set", e.Message);
        }
    }

    private static Dictionary<string, string?> Defaults()
    {
        var defaults = new Dictionary<string, string?> { ["Output"] = Path.GetFullPath("cxspark-output") };
        string? sample = FindSample();
        if (sample is not null)
        {
            defaults["Input"] = sample;
        }

        return defaults;
    }

    private static string? FindSample()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, SampleInput);
                if (Directory.Exists(Path.Combine(candidate, "transactions")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
