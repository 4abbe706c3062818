using System.CommandLine;
using CxSpark.Jobs.Hosting;
using CxSpark.Pipeline.Runs;

namespace CxSpark.Jobs.Commands;

/// <summary><c>cxspark segment</c>: Spark MLlib KMeans segments of the run date's customer profiles.</summary>
public static class SegmentCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        Command command = common.AddTo(new Command("segment",
            "Build customer_segments and segment_summary with Spark MLlib KMeans on standardised log recency, frequency and " +
            "monetary value; k is chosen by silhouette over Segments:MinK..Segments:MaxK (default 3..8). Run 'profile' for the date first."));
        command.SetAction((parsed, cancellationToken) =>
            JobRunner.RunAsync("segment", JobConfiguration.Load(parsed, common), async (context, ct) => await SegmentRun.RunAsync(context, ct), cancellationToken));
        return command;
    }
}
