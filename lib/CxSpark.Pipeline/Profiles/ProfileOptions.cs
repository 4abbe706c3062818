namespace CxSpark.Pipeline.Profiles;

/// <summary>Options of the <c>profile</c> stage (configuration section <c>Profiles</c>).</summary>
public sealed record ProfileOptions
{
    /// <summary>The date recency and tenure are measured to (key <c>Profiles:ReferenceDate</c>); null: the day after the last purchase.</summary>
    public DateOnly? ReferenceDate { get; init; }
}
