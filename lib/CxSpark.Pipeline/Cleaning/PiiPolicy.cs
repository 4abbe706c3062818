using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Contract;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Cleaning;

/// <summary>Keeps personal data out of output tables: PII columns are dropped, or replaced by a keyed hash when configured.</summary>
/// <remarks>
/// The pseudonym is <c>sha2(key || lower(trim(value)), 256)</c> in a column named <c>&lt;column&gt;_hash</c>; the same
/// value and key always give the same pseudonym, so outputs can still be joined, but the value cannot be read back
/// without guessing it together with the key.
/// </remarks>
public static class PiiPolicy
{
    /// <summary>Drops every PII column of <paramref name="contract"/>, or pseudonymises it when <paramref name="hashKey"/> is set.</summary>
    /// <param name="rows">Rows with the contract's columns.</param>
    /// <param name="contract">The table contract, which marks the PII columns.</param>
    /// <param name="hashKey">The pseudonymisation key; null or empty drops PII columns.</param>
    /// <param name="extraColumns">Non-contract columns to keep, after the contract columns (for example the quarantine reason).</param>
    public static DataFrame Apply(DataFrame rows, TableContract contract, string? hashKey, params string[] extraColumns)
    {
        var columns = new List<Column>();
        foreach (ColumnContract column in contract.Columns)
        {
            if (!column.IsPii)
            {
                columns.Add(Col(column.Name));
            }
            else if (!string.IsNullOrEmpty(hashKey))
            {
                Column normalised = Lower(Trim(Col(column.Name)));
                columns.Add(CallFunction("sha2", Concat(Lit(hashKey), normalised), Lit(256)).Alias(column.Name + "_hash"));
            }
        }

        columns.AddRange(extraColumns.Select(Col));
        return rows.Select([.. columns]);
    }
}
