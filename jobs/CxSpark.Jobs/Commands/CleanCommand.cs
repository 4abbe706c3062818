using System.CommandLine;
using CxSpark.Jobs.Hosting;
using CxSpark.Pipeline.Runs;

namespace CxSpark.Jobs.Commands;

/// <summary><c>cxspark clean</c>: contract check, cleaning, returns and quarantine of every input table.</summary>
public static class CleanCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        Command command = common.AddTo(new Command("clean",
            "Check every input table against the contract, map and cast columns, trim keys, remove exact duplicates, split " +
            "returns, quarantine bad rows with a reason; publish clean/<table>, returns, quarantine/<table> for the run date."));
        command.SetAction((parsed, cancellationToken) =>
            JobRunner.RunAsync("clean", JobConfiguration.Load(parsed, common), async (context, ct) => await CleanRun.RunAsync(context, ct), cancellationToken));
        return command;
    }
}
