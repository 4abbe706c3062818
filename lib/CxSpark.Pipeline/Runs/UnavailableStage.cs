namespace CxSpark.Pipeline.Runs;

/// <summary>Stands in for stages that wait for the MLlib layer: records the stage as not available and throws.</summary>
public static class UnavailableStage
{
    /// <summary>Records <paramref name="stage"/> in the manifest and throws <see cref="StageNotAvailableException"/>.</summary>
    public static Task RunAsync(RunContext context, string stage) =>
        context.StageAsync<bool>(stage, () => throw new StageNotAvailableException(stage));
}
