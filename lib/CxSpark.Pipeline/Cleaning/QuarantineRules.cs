using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Contract;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Cleaning;

/// <summary>Builds the <c>quarantine_reason</c> expression of each input table: the first failing rule's code, else null.</summary>
public static class QuarantineRules
{
    /// <summary>The reason column of <paramref name="contract"/>'s rows (after mapping and key trimming).</summary>
    /// <param name="contract">The table the rows belong to.</param>
    /// <param name="rules">Thresholds and vocabularies.</param>
    /// <param name="isReturn">For transactions, the return predicate (zero price is only quarantined on purchases).</param>
    public static Column ReasonFor(TableContract contract, CleaningRules rules, Column? isReturn = null)
    {
        var checks = new List<(Column Failed, string Reason)>
        {
            (AnyBlank(contract.KeyColumns), QuarantineReason.MissingKey),
            (Col(ContractMapper.UnparseableFlag), QuarantineReason.UnparseableValue),
        };
        ColumnContract? time = contract.Columns.FirstOrDefault(c => c.Name == "event_time");
        if (time is not null)
        {
            checks.AddRange(TimeChecks(Col(time.Name), time.IsRequired, rules));
        }

        switch (contract.Name)
        {
            case "transactions":
                checks.Add((IsInvalidPrice(Col("unit_price")), QuarantineReason.InvalidPrice));
                checks.Add((Coalesce(Col("quantity"), Lit(0L)) == 0L, QuarantineReason.ZeroQuantity));
                checks.Add(((Col("unit_price") == 0.0) & !(isReturn ?? Lit(false)), QuarantineReason.ZeroPrice));
                checks.Add((IsAbsurd(Col("quantity"), Col("unit_price"), rules.Bounds), QuarantineReason.AbsurdValue));
                break;
            case "products":
                checks.Add((IsInvalidListPrice(Col("list_price")), QuarantineReason.InvalidPrice));
                break;
            case "events":
                checks.Add((Coalesce(Col("event_type").IsIn([.. rules.EventTypes]), Lit(false)).Not(), QuarantineReason.UnknownEventType));
                break;
            case "ratings":
                checks.Add((IsRatingOutOfRange(Col("rating"), rules), QuarantineReason.RatingOutOfRange));
                break;
        }

        Column? reason = null;
        foreach ((Column failed, string code) in checks)
        {
            reason = reason is null ? When(failed, code) : reason.When(failed, code);
        }

        return reason!;
    }

    private static IEnumerable<(Column, string)> TimeChecks(Column time, bool isRequired, CleaningRules rules)
    {
        if (isRequired)
        {
            yield return (time.IsNull(), QuarantineReason.NullTime);
        }

        yield return (time >= Lit(rules.MaxTime), QuarantineReason.FutureTime);
        yield return (time < Lit(rules.MinTime), QuarantineReason.TimeTooEarly);
    }

    private static Column AnyBlank(IReadOnlyList<string> keys) =>
        keys.Select(k => Col(k).IsNull()).Aggregate((a, b) => a | b);

    private static Column IsInvalidPrice(Column price)
    {
        Column isNonFinite = price.IsNaN() | (Abs(price) == double.PositiveInfinity);
        return price.IsNull() | isNonFinite | (price < 0.0);
    }

    /// <summary>A list price is optional: null passes, NaN, infinite and negative prices do not.</summary>
    private static Column IsInvalidListPrice(Column price)
    {
        Column isNonFinite = price.IsNaN() | (Abs(price) == double.PositiveInfinity);
        return Coalesce(isNonFinite | (price < 0.0), Lit(false));
    }

    /// <summary>Beyond the bounds; the quantity is compared as a double, since <c>abs</c> of the smallest BIGINT overflows.</summary>
    /// <remarks>Only rows past the price and quantity checks get here: the price is finite and not negative.</remarks>
    private static Column IsAbsurd(Column quantity, Column price, ValueBounds bounds)
    {
        Column size = Abs(quantity.Cast("DOUBLE"));
        Column isTooLarge = (size > bounds.MaxQuantity) | (price > bounds.MaxUnitPrice);
        return isTooLarge | (size * price > bounds.MaxLineAmount);
    }

    private static Column IsRatingOutOfRange(Column rating, CleaningRules rules)
    {
        Column isInRange = rating.Between(rules.MinRating, rules.MaxRating) & !rating.IsNaN();
        return Coalesce(isInRange, Lit(false)).Not();
    }
}
