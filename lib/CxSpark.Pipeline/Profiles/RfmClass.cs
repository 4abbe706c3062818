using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Profiles;

/// <summary>The named RFM classes and the rules that assign them from R, F and M scores (1–5); the first matching rule wins.</summary>
/// <remarks>
/// <list type="number">
/// <item><description>Champions: R ≥ 4, F ≥ 4, M ≥ 4.</description></item>
/// <item><description>Can't lose: R ≤ 2, F ≥ 4, M ≥ 4.</description></item>
/// <item><description>Loyal: R ≥ 3, F ≥ 4.</description></item>
/// <item><description>At risk: R ≤ 2, F ≥ 3.</description></item>
/// <item><description>New: R ≥ 4, F = 1.</description></item>
/// <item><description>Potential loyalist: R ≥ 3, F ≥ 2.</description></item>
/// <item><description>Hibernating: R ≥ 2.</description></item>
/// <item><description>Lost: everyone else (R = 1, F ≤ 2).</description></item>
/// </list>
/// </remarks>
public static class RfmClass
{
    /// <summary>Recent, frequent, high spenders.</summary>
    public const string Champions = "Champions";

    /// <summary>Frequent buyers who are still fairly recent.</summary>
    public const string Loyal = "Loyal";

    /// <summary>Recent customers with a few purchases.</summary>
    public const string PotentialLoyalist = "Potential loyalist";

    /// <summary>Recent first-time buyers.</summary>
    public const string New = "New";

    /// <summary>Customers who bought often but not lately.</summary>
    public const string AtRisk = "At risk";

    /// <summary>Former frequent high spenders who have not come back.</summary>
    public const string CantLose = "Can't lose";

    /// <summary>Infrequent customers who have not bought for a while.</summary>
    public const string Hibernating = "Hibernating";

    /// <summary>The least recent, least frequent customers.</summary>
    public const string Lost = "Lost";

    /// <summary>Every class, in rule order.</summary>
    public static IReadOnlyList<string> All { get; } = [Champions, CantLose, Loyal, AtRisk, New, PotentialLoyalist, Hibernating, Lost];

    /// <summary>The class expression over integer score columns.</summary>
    public static Column Of(Column r, Column f, Column m)
    {
        Column isChampion = (r >= 4) & (f >= 4) & (m >= 4);
        Column isCantLose = (r <= 2) & (f >= 4) & (m >= 4);
        return When(isChampion, Champions)
            .When(isCantLose, CantLose)
            .When((r >= 3) & (f >= 4), Loyal)
            .When((r <= 2) & (f >= 3), AtRisk)
            .When((r >= 4) & (f == 1), New)
            .When((r >= 3) & (f >= 2), PotentialLoyalist)
            .When(r >= 2, Hibernating)
            .Otherwise(Lost);
    }
}
