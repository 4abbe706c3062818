using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Contract;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Cleaning;

/// <summary>Splits a mapped input table into clean rows, returns and quarantine, and removes duplicates.</summary>
/// <remarks>
/// Keys are trimmed and blank keys become null. Transactions whose id starts with the cancellation prefix, or whose
/// quantity is negative, are returns. Exact duplicates are removed from clean rows and returns; for customers and
/// products only the latest <c>updated_at</c> per key is kept (older versions count as duplicates removed).
/// </remarks>
public static class TableCleaner
{
    /// <summary>The reason column of quarantine tables.</summary>
    public const string ReasonColumn = "quarantine_reason";

    /// <summary>The return flag column, only inside the transaction split.</summary>
    private const string ReturnFlag = "is_return";

    /// <summary>Splits <paramref name="mapped"/> (the output of <see cref="ContractMapper.Map"/>) by the rules.</summary>
    public static TableSplit Split(DataFrame mapped, TableContract contract, CleaningRules rules) =>
        SplitClassified(Classify(mapped, contract, rules), contract);

    /// <summary>
    /// <paramref name="mapped"/> with trimmed keys, the return flag and the <see cref="ReasonColumn"/> (null for valid rows):
    /// the one frame every part of the split derives from, worth caching while the parts are counted and written.
    /// </summary>
    public static DataFrame Classify(DataFrame mapped, TableContract contract, CleaningRules rules)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Column isReturn = contract.Name == InputTables.Transactions.Name ? IsReturn(rules) : Lit(false);
        return TrimKeys(mapped, contract)
            .WithColumn(ReturnFlag, isReturn)
            .WithColumn(ReasonColumn, QuarantineRules.ReasonFor(contract, rules, Col(ReturnFlag)));
    }

    /// <summary>Splits the output of <see cref="Classify"/>.</summary>
    public static TableSplit SplitClassified(DataFrame classified, TableContract contract)
    {
        ArgumentNullException.ThrowIfNull(classified);
        ArgumentNullException.ThrowIfNull(contract);
        Column[] contractColumns = [.. contract.ColumnNames.Select(Col)];
        DataFrame quarantine = classified.Filter(Col(ReasonColumn).IsNotNull()).Select([.. contractColumns, Col(ReasonColumn)]);
        DataFrame valid = classified.Filter(Col(ReasonColumn).IsNull());
        DataFrame cleanBefore = valid.Filter(!Col(ReturnFlag)).Select(contractColumns);
        DataFrame clean = RemoveDuplicates(cleanBefore, contract);
        if (contract.Name != InputTables.Transactions.Name)
        {
            return new TableSplit(contract.Name, classified, clean, null, quarantine, cleanBefore, null);
        }

        DataFrame returnsBefore = valid.Filter(Col(ReturnFlag)).Select(contractColumns);
        return new TableSplit(contract.Name, classified, clean, returnsBefore.DropDuplicates(), quarantine, cleanBefore, returnsBefore);
    }

    /// <summary>
    /// The number of rows per class of a <see cref="Classify"/>d frame in one aggregate: (<see cref="ReasonColumn"/>,
    /// <c>is_return</c>, <c>rows</c>), a handful of rows.
    /// </summary>
    public static DataFrame ClassCounts(DataFrame classified) =>
        classified.GroupBy(ReasonColumn, ReturnFlag).Agg(Count(Lit(1)).Alias("rows"));

    /// <summary>Trims key columns of Unicode blanks (<see cref="UnicodeBlanks"/>) and turns blank keys into null; other
    /// columns pass through unchanged.</summary>
    public static DataFrame TrimKeys(DataFrame mapped, TableContract contract)
    {
        IEnumerable<Column> columns = contract.Columns.Select(c => c.IsKey ? NullIf(UnicodeBlanks.Trim(Col(c.Name)), Lit("")).Alias(c.Name) : Col(c.Name));
        return mapped.Select([.. columns, Col(ContractMapper.UnparseableFlag)]);
    }

    private static Column IsReturn(CleaningRules rules)
    {
        Column isNegative = Coalesce(Col("quantity") < 0L, Lit(false));
        if (string.IsNullOrEmpty(rules.CancellationPrefix))
        {
            return isNegative;
        }

        Column isCancellation = Coalesce(Col("transaction_id").StartsWith(rules.CancellationPrefix), Lit(false));
        return isCancellation | isNegative;
    }

    private static DataFrame RemoveDuplicates(DataFrame rows, TableContract contract)
    {
        if (!contract.ColumnNames.Contains("updated_at"))
        {
            return rows.DropDuplicates();
        }

        string key = contract.KeyColumns[0];
        Column[] newestFirst = [Col("updated_at").DescNullsLast(), .. contract.ColumnNames.Where(c => c != "updated_at").Select(c => Col(c).Asc())];
        WindowSpec latest = Window.PartitionBy(key).OrderBy(newestFirst);
        return rows
            .WithColumn("version_rank", RowNumber().Over(latest))
            .Filter(Col("version_rank") == 1)
            .Drop("version_rank");
    }
}
