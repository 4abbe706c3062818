namespace CxSpark.Pipeline.Cleaning;

/// <summary>Thresholds and vocabularies of the cleaning stage for one run date: the configured <see cref="CleaningOptions"/> and the valid time range.</summary>
public sealed record CleaningRules
{
    /// <summary>The event types the events table may contain.</summary>
    public static IReadOnlyList<string> DefaultEventTypes { get; } =
        ["view", "add_to_cart", "remove_from_cart", "purchase", "search", "wishlist"];

    /// <summary>The configured options: cancellation prefix, rating range, value bounds.</summary>
    public CleaningOptions Options { get; init; } = new();

    /// <summary>A transaction id starting with this text is a cancellation (a return), for example <c>C</c>; null for none.</summary>
    public string? CancellationPrefix => Options.CancellationPrefix;

    /// <summary>Times before this are quarantined as <see cref="QuarantineReason.TimeTooEarly"/>.</summary>
    public DateTimeOffset MinTime { get; init; } = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Times at or after this (the end of the run date) are quarantined as <see cref="QuarantineReason.FutureTime"/>.</summary>
    public DateTimeOffset MaxTime { get; init; } = DateTimeOffset.UtcNow.Date.AddDays(1);

    /// <summary>The lowest valid rating.</summary>
    public double MinRating => Options.MinRating;

    /// <summary>The highest valid rating.</summary>
    public double MaxRating => Options.MaxRating;

    /// <summary>The largest valid transaction quantity, unit price and line amount.</summary>
    public ValueBounds Bounds => Options.Bounds;

    /// <summary>The valid event types.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = DefaultEventTypes;

    /// <summary>Rules for a run date: times up to the end of that day (UTC) are valid.</summary>
    public static CleaningRules ForRunDate(DateOnly runDate, CleaningOptions? options = null) => new()
    {
        Options = options ?? new CleaningOptions(),
        MaxTime = new DateTimeOffset(runDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    };
}
