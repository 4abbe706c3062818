using CxSpark.Connect.Plans;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Functions for missing values, from <see cref="DataFrame.Na"/>.</summary>
public sealed class DataFrameNaFunctions
{
    private readonly DataFrame _input;

    internal DataFrameNaFunctions(DataFrame input) => _input = input;

    /// <summary>Replaces nulls (and NaN) with a value in the given columns, or in every column of a compatible type.</summary>
    /// <param name="value">A number, string or boolean.</param>
    /// <param name="columns">The columns; all compatible ones when empty.</param>
    public DataFrame Fill(object value, params string[] columns) => _input.Derive(r =>
    {
        r.FillNa = new Proto.NAFill { Input = _input.Relation };
        r.FillNa.Cols.AddRange(columns);
        r.FillNa.Values.Add(LiteralConverter.ToLiteral(value));
        return r;
    });

    /// <summary>Replaces nulls per column with the value given for it.</summary>
    public DataFrame Fill(IReadOnlyDictionary<string, object> values) => _input.Derive(r =>
    {
        r.FillNa = new Proto.NAFill { Input = _input.Relation };
        r.FillNa.Cols.AddRange(values.Keys);
        r.FillNa.Values.AddRange(values.Values.Select(v => LiteralConverter.ToLiteral(v)));
        return r;
    });

    /// <summary>Drops rows with nulls (or NaN).</summary>
    /// <param name="how"><c>any</c> drops a row with any null; <c>all</c> only a row of nulls.</param>
    /// <param name="columns">The columns to look at; all when empty.</param>
    public DataFrame Drop(string how = "any", params string[] columns)
    {
        int? minNonNulls = how switch
        {
            "any" => null,
            "all" => 1,
            _ => throw new ArgumentException($"'how' is 'any' or 'all', not '{how}'.", nameof(how)),
        };
        return Drop(minNonNulls, columns);
    }

    /// <summary>Drops rows with fewer than <paramref name="minNonNulls"/> non-null values.</summary>
    public DataFrame Drop(int? minNonNulls, params string[] columns) => _input.Derive(r =>
    {
        r.DropNa = new Proto.NADrop { Input = _input.Relation };
        r.DropNa.Cols.AddRange(columns);
        if (minNonNulls is { } n)
        {
            r.DropNa.MinNonNulls = n;
        }

        return r;
    });
}
