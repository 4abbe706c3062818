using System.CommandLine;

namespace CxSpark.Jobs.Commands;

/// <summary>The verbs of <c>cxspark</c>, one file each.</summary>
public static class JobCommands
{
    /// <summary>Creates every verb.</summary>
    public static IReadOnlyList<Command> Create() =>
    [
        CleanCommand.Create(),
        ProfileCommand.Create(),
        RecommendCommand.Create(),
        SegmentCommand.Create(),
        NightlyCommand.Create(),
        GenDataCommand.Create(),
        RecoverCommand.Create(),
    ];
}
