namespace CxSpark.Pipeline.Recommendations;

/// <summary>
/// Where the tuning and evaluation windows fall: training data, then the validation window (hyper-parameters are chosen
/// on it), then the holdout (the final evaluation, never used for tuning), which ends with the data.
/// </summary>
/// <param name="ValidationStart">Tuning fits train before this day.</param>
/// <param name="HoldoutStart">The evaluation fit trains before this day; the validation window ends here.</param>
/// <param name="End">The day after the last known interaction.</param>
public sealed record TimeSplit(DateTime ValidationStart, DateTime HoldoutStart, DateTime End)
{
    /// <summary>The validation window's length in days.</summary>
    public int ValidationDays => (int)(HoldoutStart - ValidationStart).TotalDays;

    /// <summary>The holdout's length in days.</summary>
    public int HoldoutDays => (int)(End - HoldoutStart).TotalDays;

    /// <summary>
    /// Windows of <paramref name="holdoutDays"/> and <paramref name="validationDays"/> before <paramref name="end"/>; when the history since <paramref name="first"/> is shorter
    /// than twice the two windows together, both shrink in proportion so that at least half of it stays for training.
    /// </summary>
    public static TimeSplit Plan(DateTime first, DateTime end, int holdoutDays, int validationDays)
    {
        double history = Math.Max((end - first.Date).TotalDays, 1);
        double wanted = holdoutDays + validationDays;
        double factor = Math.Min(1.0, history / (2 * wanted));
        int holdout = Math.Max(1, (int)Math.Floor(holdoutDays * factor));
        int validation = Math.Max(1, (int)Math.Floor(validationDays * factor));
        DateTime holdoutStart = end.AddDays(-holdout);
        return new TimeSplit(holdoutStart.AddDays(-validation), holdoutStart, end);
    }
}
