using System.CommandLine;
using CxSpark.Jobs.Hosting;
using CxSpark.Pipeline.Runs;

namespace CxSpark.Jobs.Commands;

/// <summary><c>cxspark profile</c>: customer profiles with RFM scores from the run date's clean tables.</summary>
public static class ProfileCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        Command command = common.AddTo(new Command("profile",
            "Build customer_profiles (one row per customer: recency, frequency, monetary, R/F/M scores, RFM class) from the " +
            "clean tables of the run date; run 'clean' for that date first."));
        command.SetAction((parsed, cancellationToken) =>
            JobRunner.RunAsync("profile", JobConfiguration.Load(parsed, common), async (context, ct) => await ProfileRun.RunAsync(context, ct), cancellationToken));
        return command;
    }
}
