namespace CxSpark.Pipeline.Cleaning;

/// <summary>Options of the <c>clean</c> stage (configuration sections <c>Cleaning</c> and <c>Pii</c>).</summary>
public sealed record CleaningOptions
{
    /// <summary>A transaction id starting with this text is a cancellation, a return (key <c>Cleaning:CancellationPrefix</c>); null for none.</summary>
    public string? CancellationPrefix { get; init; }

    /// <summary>The lowest valid rating (key <c>Cleaning:MinRating</c>, default 0.5).</summary>
    public double MinRating { get; init; } = 0.5;

    /// <summary>The highest valid rating (key <c>Cleaning:MaxRating</c>, default 5).</summary>
    public double MaxRating { get; init; } = 5.0;

    /// <summary>
    /// The largest valid transaction |quantity|, unit price and |line amount| (keys <c>Cleaning:MaxQuantity</c>,
    /// <c>Cleaning:MaxUnitPrice</c>, <c>Cleaning:MaxLineAmount</c>); beyond them a line is quarantined as <c>absurd_value</c>.
    /// </summary>
    public ValueBounds Bounds { get; init; } = new();

    /// <summary>The key of the PII pseudonym hash (key <c>Pii:HashKey</c>); null drops PII columns from outputs.</summary>
    public string? PiiHashKey { get; init; }
}
