using System.Globalization;
using System.Text;
using CxSpark.Connect.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CxSpark.Jobs.Hosting;

/// <summary>The console format of job logs: one line per event, as the simple formatter writes it, with <see cref="Secrets.Redact"/> applied to the whole line.</summary>
/// <remarks>
/// Redacting the rendered line, not each call site, covers every message, argument and exception of every category,
/// including values (input and output paths, server messages) a call site cannot know to hold a secret.
/// </remarks>
public sealed class RedactingConsoleFormatter : ConsoleFormatter
{
    /// <summary>The name the console provider selects the formatter by.</summary>
    public const string FormatterName = "cxspark";

    /// <summary>Creates the formatter.</summary>
    public RedactingConsoleFormatter()
        : base(FormatterName)
    {
    }

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        string? message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder()
            .Append(DateTime.UtcNow.ToString("HH:mm:ss ", CultureInfo.InvariantCulture))
            .Append(Level(logEntry.LogLevel)).Append(": ")
            .Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ")
            .Append(message);
        if (logEntry.Exception is not null)
        {
            line.Append(' ').Append(logEntry.Exception.ToString().ReplaceLineEndings(" "));
        }

        textWriter.WriteLine(Secrets.Redact(line.ToString()));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString(),
    };
}
