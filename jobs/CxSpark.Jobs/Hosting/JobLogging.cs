using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CxSpark.Jobs.Hosting;

/// <summary>Console logging for jobs: one line per event on stderr, so stdout carries only results (manifest paths); secrets masked.</summary>
public static class JobLogging
{
    /// <summary>Creates the logger factory.</summary>
    public static ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("CxSpark.Connect", LogLevel.Warning)
        .AddConsole(options =>
        {
            options.FormatterName = RedactingConsoleFormatter.FormatterName;
            options.LogToStandardErrorThreshold = LogLevel.Trace;
        })
        .AddConsoleFormatter<RedactingConsoleFormatter, ConsoleFormatterOptions>());
}
