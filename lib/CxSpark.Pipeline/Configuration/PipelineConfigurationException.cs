using CxSpark.Connect.Client;

namespace CxSpark.Pipeline.Configuration;

/// <summary>A configuration value is missing or invalid; the message names the key, with secrets masked by <see cref="Secrets"/>.</summary>
public sealed class PipelineConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public PipelineConfigurationException(string key, string message)
        : base(Secrets.Redact($"Configuration '{key}': {message}"))
    {
        Key = key;
    }

    /// <summary>The configuration key, for example <c>RunDate</c> or <c>Tables:transactions:Format</c>.</summary>
    public string Key { get; }
}
