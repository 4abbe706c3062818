namespace CxSpark.Pipeline.Cleaning;

/// <summary>The reason codes written to <c>quarantine_reason</c>; a row gets the first that applies, in this order.</summary>
public static class QuarantineReason
{
    /// <summary>A key column (id) is null or blank after trimming Unicode whitespace (tab, no-break and ideographic spaces).</summary>
    public const string MissingKey = "missing_key";

    /// <summary>A source value could not be converted to the contract type (text in a number column, a fractional quantity).</summary>
    public const string UnparseableValue = "unparseable_value";

    /// <summary>The event time is null where the table requires one.</summary>
    public const string NullTime = "null_time";

    /// <summary>The event time is after the end of the run date.</summary>
    public const string FutureTime = "future_time";

    /// <summary>The event time is before the minimum (1990-01-01 by default).</summary>
    public const string TimeTooEarly = "time_too_early";

    /// <summary>The unit price is null, NaN, infinite or negative.</summary>
    public const string InvalidPrice = "invalid_price";

    /// <summary>The quantity is null or zero.</summary>
    public const string ZeroQuantity = "zero_quantity";

    /// <summary>A purchase line (not a return) with a unit price of exactly zero: samples, write-offs, manual fixes.</summary>
    public const string ZeroPrice = "zero_price";

    /// <summary>
    /// A transaction whose |quantity|, unit price or |quantity × unit_price| exceeds its <see cref="ValueBounds"/>: no clean
    /// line can overflow an exact revenue sum.
    /// </summary>
    public const string AbsurdValue = "absurd_value";

    /// <summary>An event type outside the configured list.</summary>
    public const string UnknownEventType = "unknown_event_type";

    /// <summary>A rating that is null, non-finite or outside the configured range.</summary>
    public const string RatingOutOfRange = "rating_out_of_range";

    /// <summary>Every code, in precedence order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MissingKey, UnparseableValue, NullTime, FutureTime, TimeTooEarly, InvalidPrice, ZeroQuantity, ZeroPrice,
        AbsurdValue, UnknownEventType, RatingOutOfRange,
    ];
}
