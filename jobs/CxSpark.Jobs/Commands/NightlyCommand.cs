using System.CommandLine;
using CxSpark.Jobs.Hosting;
using CxSpark.Pipeline.Runs;

namespace CxSpark.Jobs.Commands;

/// <summary><c>cxspark nightly</c>: every stage in order under one run id.</summary>
public static class NightlyCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        Command command = common.AddTo(new Command("nightly",
            "Run clean, profile, recommend and segment in order under one run id, stopping at the first failure."));
        command.SetAction((parsed, cancellationToken) =>
            JobRunner.RunAsync("nightly", JobConfiguration.Load(parsed, common), (context, ct) => NightlyRun.RunAsync(context, ct), cancellationToken));
        return command;
    }
}
