using CxSpark.Jobs.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxSpark.Pipeline.Tests.Jobs.Hosting;

public sealed class RedactingConsoleFormatterTests
{
    [Fact]
    public void Write_MessageAndExceptionWithSecrets_OneLineWithSecretsMasked()
    {
        var entry = new LogEntry<string>(LogLevel.Warning, "cxspark.clean", new EventId(7), "at sc://h:15002?token=abc, key Pii:HashKey=k3y",
            new InvalidOperationException("failed with Bearer xyz\nsecond line"), (state, _) => state);
        using var writer = new StringWriter();

        new RedactingConsoleFormatter().Write(entry, null, writer);

        string line = writer.ToString();
        Assert.Matches(@"^\d\d:\d\d:\d\d warn: cxspark\.clean\[7\] at sc://h:15002\?token=\*\*\* key Pii:HashKey=\*\*\* System\.InvalidOperationException: failed with Bearer \*\*\* second line\r?\n$", line);
        Assert.DoesNotContain("abc", line, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", line, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PlainMessage_KeepsTheSimpleLayout()
    {
        var entry = new LogEntry<string>(LogLevel.Information, "cxspark.nightly", default, "[spark] connected to Spark 4.1.0 at sc://localhost:15002",
            null, (state, _) => state);
        using var writer = new StringWriter();

        new RedactingConsoleFormatter().Write(entry, null, writer);

        Assert.Matches(@"^\d\d:\d\d:\d\d info: cxspark\.nightly\[0\] \[spark\] connected to Spark 4\.1\.0 at sc://localhost:15002\r?\n$", writer.ToString());
    }
}
