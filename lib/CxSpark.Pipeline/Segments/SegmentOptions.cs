namespace CxSpark.Pipeline.Segments;

/// <summary>Options of the <c>segment</c> stage (configuration section <c>Segments</c>).</summary>
public sealed record SegmentOptions
{
    /// <summary>The smallest k tried (key <c>Segments:MinK</c>, default 3, at least 2).</summary>
    public int MinK { get; init; } = 3;

    /// <summary>The largest k tried (key <c>Segments:MaxK</c>, default 8, at least <see cref="MinK"/>).</summary>
    public int MaxK { get; init; } = 8;
}
