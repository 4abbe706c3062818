using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Contract;

/// <summary>Checks a raw table's schema against its contract, renames the user's columns and casts them to the contract types.</summary>
/// <remarks>
/// Casts never fail a query: a value that cannot be converted (text that is not a number, a fractional quantity, a
/// double key such as <c>17850.5</c> that is not whole) becomes <c>null</c> and sets <see cref="UnparseableFlag"/>, so the
/// cleaning stage quarantines the row with <c>unparseable_value</c>. Whole doubles used as keys (<c>17850.0</c>) become
/// <c>17850</c>. Text is trimmed of Unicode blanks (<see cref="UnicodeBlanks"/>) before it is cast, and text of blanks
/// only is null, not unparseable. Extra columns are dropped.
/// </remarks>
public static class ContractMapper
{
    /// <summary>The boolean column the mapping adds: some source value could not be converted.</summary>
    public const string UnparseableFlag = "has_unparseable_value";

    /// <summary>Checks that every required column exists (under its mapped name) with a castable type.</summary>
    /// <param name="schema">The raw table's schema.</param>
    /// <param name="contract">The table contract.</param>
    /// <param name="mapping">Contract column name to source column name; unmapped columns keep their contract name.</param>
    /// <param name="source">The file or folder read, named in the exception.</param>
    /// <exception cref="InputContractException">A required column is missing, or a column's type cannot be cast.</exception>
    public static void Validate(StructType schema, TableContract contract, IReadOnlyDictionary<string, string> mapping, string source)
    {
        foreach (ColumnContract column in contract.Columns)
        {
            string sourceName = SourceName(column, mapping);
            StructField? field = Find(schema, sourceName);
            if (field is null)
            {
                if (column.IsRequired)
                {
                    throw new InputContractException(contract.Name, sourceName, source, column.SqlType, "missing");
                }

                continue;
            }

            if (!TypeFamilies.CanCast(TypeFamilies.Of(field.DataType), TypeFamilies.OfContract(column.SqlType)))
            {
                throw new InputContractException(contract.Name, sourceName, source, column.SqlType, field.DataType.SimpleString);
            }
        }
    }

    /// <summary>Selects the contract columns (renamed, cast) plus <see cref="UnparseableFlag"/>; call <see cref="Validate"/> first.</summary>
    public static DataFrame Map(DataFrame raw, StructType schema, TableContract contract, IReadOnlyDictionary<string, string> mapping)
    {
        var columns = new List<Column>();
        var unparseable = new List<Column>();
        foreach (ColumnContract column in contract.Columns)
        {
            StructField? field = Find(schema, SourceName(column, mapping));
            if (field is null)
            {
                columns.Add(Lit(null).Cast(column.SqlType).Alias(column.Name));
                continue;
            }

            Column value = Col(field.Name);
            Column converted = Convert(value, TypeFamilies.Of(field.DataType), column.SqlType);
            columns.Add(converted.Alias(column.Name));
            if (!IsLossless(TypeFamilies.Of(field.DataType), column.SqlType))
            {
                unparseable.Add(UnicodeBlanks.IsBlank(value).Not() & converted.IsNull());
            }
        }

        Column flag = unparseable.Count == 0 ? Lit(false) : unparseable.Aggregate((a, b) => a | b);
        columns.Add(Coalesce(flag, Lit(false)).Alias(UnparseableFlag));
        return raw.Select([.. columns]);
    }

    private static Column Convert(Column value, TypeFamily from, string sqlType)
    {
        TypeFamily to = TypeFamilies.OfContract(sqlType);
        return (from, to) switch
        {
            (TypeFamily.Fractional, TypeFamily.Text) => WholeOrNull(value).Cast("STRING"),
            (TypeFamily.Fractional, TypeFamily.Integral) => WholeOrNull(value),
            (TypeFamily.Text, TypeFamily.Text) => value,
            (TypeFamily.Text, _) => UnicodeBlanks.Trim(value).TryCast(sqlType),
            _ => value.TryCast(sqlType),
        };
    }

    /// <summary>A whole number as BIGINT (17850.0 → 17850); a fraction, NaN or infinity → null.</summary>
    private static Column WholeOrNull(Column value)
    {
        Column isWhole = value == Floor(value);
        return When(isWhole, value.TryCast("BIGINT"));
    }

    private static bool IsLossless(TypeFamily from, string sqlType)
    {
        TypeFamily to = TypeFamilies.OfContract(sqlType);
        return from == to
            || (to == TypeFamily.Text && from != TypeFamily.Fractional)
            || (from == TypeFamily.Integral && to == TypeFamily.Fractional);
    }

    private static string SourceName(ColumnContract column, IReadOnlyDictionary<string, string> mapping) =>
        mapping.TryGetValue(column.Name, out string? name) && !string.IsNullOrWhiteSpace(name) ? name : column.Name;

    private static StructField? Find(StructType schema, string name) =>
        schema.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
