using System.CommandLine;
using CxSpark.Jobs.Hosting;
using CxSpark.Pipeline.Runs;

namespace CxSpark.Jobs.Commands;

/// <summary><c>cxspark recommend</c>: Spark MLlib ALS recommendations and similar products of the run date's clean feedback.</summary>
public static class RecommendCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        Command command = common.AddTo(new Command("recommend",
            "Build recommendations (top Recommend:TopN per customer, never a product already bought) and similar_products with Spark " +
            "MLlib ALS: implicit feedback from purchases and weighted events, or explicit from ratings (Recommend:Feedback). " +
            "Hyper-parameters (Recommend:Ranks, :RegParams, :Alphas) are chosen on a validation window; the last Recommend:HoldoutDays " +
            "days evaluate the choice against the popularity baseline (metrics in the run manifest). Run 'clean' for the date first."));
        command.SetAction((parsed, cancellationToken) =>
            JobRunner.RunAsync("recommend", JobConfiguration.Load(parsed, common), async (context, ct) => await RecommendRun.RunAsync(context, ct), cancellationToken));
        return command;
    }
}
