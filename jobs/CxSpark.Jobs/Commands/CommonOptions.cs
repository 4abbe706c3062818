using System.CommandLine;

namespace CxSpark.Jobs.Commands;

/// <summary>The options every verb takes; each also has a configuration key (JSON file, CXSPARK_ environment variables).</summary>
public sealed class CommonOptions
{
    /// <summary>The raw zone.</summary>
    public Option<string?> Input { get; } = new("--input")
    {
        Description = "Raw zone folder or URI, one sub-folder per table (key Input). Default: the bundled data-samples/online-retail.",
    };

    /// <summary>The output root.</summary>
    public Option<string?> Output { get; } = new("--output")
    {
        Description = "Output root folder or URI (key Output). Default: ./cxspark-output.",
    };

    /// <summary>The run date.</summary>
    public Option<string?> RunDate { get; } = new("--run-date")
    {
        Description = "Partition date yyyy-MM-dd written by this run; rerunning a date replaces it (key RunDate). Default: today (UTC).",
    };

    /// <summary>The JSON configuration file.</summary>
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "JSON configuration file: column mapping (Tables:<table>:Mapping), formats, cleaning and profile options.",
    };

    /// <summary>The Spark Connect URL.</summary>
    public Option<string?> Remote { get; } = new("--remote")
    {
        Description = "Spark Connect URL sc://host:port[/;token=...;use_ssl=true] (key Remote); a token goes in plaintext only to this machine " +
            "unless ;allow_insecure_auth=true. Default: SPARK_REMOTE, else a local Spark started for this job.",
    };

    /// <summary>Extra configuration keys.</summary>
    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Extra configuration, Key=Value, repeatable (for example --set Cleaning:CancellationPrefix=C).",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Output);
        command.Options.Add(RunDate);
        command.Options.Add(Config);
        command.Options.Add(Remote);
        command.Options.Add(Set);
        return command;
    }
}
