using Microsoft.Extensions.Logging;

namespace CxSpark.Jobs.Hosting;

/// <summary>Console logging for jobs: one line per event on stderr, so stdout carries only results (manifest paths).</summary>
public static class JobLogging
{
    /// <summary>Creates the logger factory.</summary>
    public static ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("CxSpark.Connect", LogLevel.Warning)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.UseUtcTimestamp = true;
        })
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
}
