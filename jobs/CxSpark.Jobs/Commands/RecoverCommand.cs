using System.CommandLine;
using CxSpark.Jobs.Hosting;
using CxSpark.Pipeline.Configuration;
using Microsoft.Extensions.Logging;

namespace CxSpark.Jobs.Commands;

/// <summary><c>cxspark recover</c>: finishes commits that killed runs left half done and removes their leftovers, without Spark.</summary>
public static class RecoverCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        Command command = common.AddTo(new Command("recover",
            "Take the output's lock, roll every interrupted commit forward (or back, when its staged tables are gone) and remove " +
            "staging folders of dead runs, then release the lock. Every run does this first; run it alone before readers start, " +
            "after a run was killed. Needs no Spark."));
        command.SetAction((parsed, _) =>
        {
            PipelineOptions options = JobConfiguration.Load(parsed, common);
            using ILoggerFactory loggers = JobLogging.CreateFactory();
            ILogger logger = loggers.CreateLogger("cxspark.recover");
            using (JobRunner.HoldOutput(options, logger))
            {
                logger.LogInformation("[recover] {Output} is consistent", options.Output);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
