using System.CommandLine;
using CxSpark.Connect.Client;
using CxSpark.Connect.Errors;
using CxSpark.Jobs;
using CxSpark.Jobs.Commands;
using CxSpark.Jobs.Hosting;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Configuration;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Quality;
using CxSpark.Pipeline.Runs;

// cxspark <verb> [options]: parses the command line, runs one verb, maps its outcome to a documented exit code.
RootCommand root = new("cxspark: the CxSpark customer pipeline on Apache Spark (Spark Connect).\n" +
    "Exit codes: 0 ok, 2 bad input or configuration, 3 Spark unavailable, 4 job failure, 5 output locked by another run, " +
    "6 quality gate failed (nothing published), " +
    "130 / 143 stopped by SIGINT / SIGTERM (nothing published).");
foreach (Command command in JobCommands.Create())
{
    root.Subcommands.Add(command);
}

ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
    {
        Console.Error.WriteLine($"cxspark: {Secrets.Redact(error.Message)}");
    }

    Console.Error.WriteLine("Run 'cxspark --help' for usage.");
    return ExitCodes.BadInput;
}

using var cancellation = new CancellationTokenSource();
using var stop = new StopSignals(cancellation);

try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation.Token);
}
catch (Exception e)
{
    (int code, string kind) = e switch
    {
        _ when stop.ExitCode is int signalled => (signalled, "stopped by " + stop.Signal),
        InputContractException or UnreadableInputException or MissingInputException or PipelineConfigurationException or JobArgumentException => (ExitCodes.BadInput, "bad input"),
        SparkUnavailableException or SparkConnectionException or SessionChangedException => (ExitCodes.SparkUnavailable, "Spark unavailable"),
        OutputLockedException => (ExitCodes.OutputLocked, "output locked"),
        QualityGateException => (ExitCodes.QualityGateFailed, "quality gate failed"),
        CleaningInvariantException => (ExitCodes.JobFailed, "invariant violated"),
        OperationCanceledException => (ExitCodes.JobFailed, "cancelled"),
        _ => (ExitCodes.JobFailed, "job failed"),
    };
    Console.Error.WriteLine(Secrets.Redact($"cxspark: {kind} (exit {code}): {e.Message}"));
    if (code == ExitCodes.JobFailed && e is not CleaningInvariantException)
    {
        Console.Error.WriteLine(Secrets.Redact(e.ToString()));
    }

    return code;
}
