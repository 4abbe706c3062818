using System.CommandLine;
using CxSpark.Pipeline.Runs;

namespace CxSpark.Jobs.Commands;

/// <summary><c>cxspark recommend</c>: not yet available (waits for the MLlib layer); exits 4 with a message.</summary>
public static class RecommendCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        Command command = common.AddTo(new Command("recommend", "Recommendations with Spark MLlib ALS. Not yet available in this build (needs the MLlib layer): exits 4 with a message."));
        command.SetAction(new Func<ParseResult, int>(_ => throw new StageNotAvailableException("recommend")));
        return command;
    }
}
