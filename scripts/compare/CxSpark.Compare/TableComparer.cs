using System.Globalization;
using DuckDB.NET.Data;

namespace CxSpark.Compare;

/// <summary>Compares two versions of a Parquet table row for row with DuckDB (an engine independent of Spark).</summary>
/// <remarks>
/// Rows are compared as multisets: <c>EXCEPT ALL</c> both ways, so duplicates count and row order does not. DOUBLE and
/// FLOAT values are compared as their decimal text with <see cref="SignificantDigits"/> significant digits: 17 is exact
/// for doubles (every distinct double has distinct text, -0 included); fewer digits tolerate last-bit noise. Columns of
/// different types in the two runs are compared as text (and the schema is reported unequal).
/// </remarks>
public sealed class TableComparer(int significantDigits, int exampleRows) : IDisposable
{
    private readonly DuckDBConnection _connection = Open();

    /// <summary>Significant digits of the text that floating-point values are compared as.</summary>
    public int SignificantDigits { get; } = significantDigits;

    /// <summary>Compares the table <paramref name="table"/> given the Parquet files of each run (null: the run lacks it).</summary>
    public TableComparison Compare(string table, IReadOnlyList<string>? baseFiles, IReadOnlyList<string>? headFiles)
    {
        if (baseFiles is null || headFiles is null)
        {
            long? baseRows = baseFiles is null ? null : Count(View("base_rows", baseFiles));
            long? headRows = headFiles is null ? null : Count(View("head_rows", headFiles));
            string missing = baseFiles is null ? "the base run did not publish this table" : "the head run did not publish this table";
            return new TableComparison(table, baseRows, headRows, null, null, SchemaEqual: false, [missing]);
        }

        var details = new List<string>();
        string baseView = View("base_rows", baseFiles);
        string headView = View("head_rows", headFiles);
        List<(string Name, string Type)> baseColumns = Columns(baseView);
        List<(string Name, string Type)> headColumns = Columns(headView);
        bool schemaEqual = baseColumns.SequenceEqual(headColumns);
        if (!schemaEqual)
        {
            details.Add("columns base: " + string.Join(", ", baseColumns.Select(c => $"{c.Name} {c.Type}")));
            details.Add("columns head: " + string.Join(", ", headColumns.Select(c => $"{c.Name} {c.Type}")));
        }

        string baseNullability = Nullability(baseFiles);
        string headNullability = Nullability(headFiles);
        if (baseNullability != headNullability)
        {
            schemaEqual = false;
            details.Add("parquet fields base: " + baseNullability);
            details.Add("parquet fields head: " + headNullability);
        }

        var headTypes = headColumns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var common = baseColumns.Where(c => headTypes.ContainsKey(c.Name)).ToList();
        string baseSelect = string.Join(", ", common.Select(c => Normalized(c.Name, c.Type, headTypes[c.Name])));
        string onlyBase = $"SELECT {baseSelect} FROM {baseView} EXCEPT ALL SELECT {baseSelect} FROM {headView}";
        string onlyHead = $"SELECT {baseSelect} FROM {headView} EXCEPT ALL SELECT {baseSelect} FROM {baseView}";
        long onlyInBase = Count($"({onlyBase})");
        long onlyInHead = Count($"({onlyHead})");
        details.AddRange(Examples("only in base", onlyBase, onlyInBase));
        details.AddRange(Examples("only in head", onlyHead, onlyInHead));
        return new TableComparison(table, Count(baseView), Count(headView), onlyInBase, onlyInHead, schemaEqual, details);
    }

    public void Dispose() => _connection.Dispose();

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    private string View(string name, IReadOnlyList<string> files)
    {
        Execute($"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet({FileList(files)}, hive_partitioning = true, union_by_name = true)");
        return name;
    }

    private static string FileList(IReadOnlyList<string> files) =>
        "[" + string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";

    /// <summary>A column as compared: floating point as text of the chosen precision, mismatched types as text.</summary>
    private string Normalized(string name, string baseType, string headType)
    {
        string column = Quote(name);
        if (baseType != headType)
        {
            return $"CAST({column} AS VARCHAR) AS {column}";
        }

        return baseType is "DOUBLE" or "FLOAT"
            ? string.Create(CultureInfo.InvariantCulture, $"printf('%.{SignificantDigits - 1}e', {column}) AS {column}")
            : column;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private List<(string Name, string Type)> Columns(string view) =>
        Query($"DESCRIBE {view}").Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

    /// <summary>The Parquet leaf fields of all files (name, REQUIRED/OPTIONAL, physical and logical type), as one sorted line.</summary>
    private string Nullability(IReadOnlyList<string> files) => string.Join("; ", Query(
            $"SELECT DISTINCT name, repetition_type, type, logical_type::VARCHAR FROM parquet_schema({FileList(files)}) WHERE type IS NOT NULL ORDER BY ALL")
        .Select(r => string.Join(' ', r.Select(v => v?.ToString() ?? "-"))));

    private long Count(string from) => Convert.ToInt64(Query($"SELECT count(*) FROM {from}")[0][0], CultureInfo.InvariantCulture);

    private IEnumerable<string> Examples(string label, string sql, long count)
    {
        if (count == 0 || exampleRows <= 0)
        {
            return [];
        }

        return Query($"SELECT * FROM ({sql}) ORDER BY ALL LIMIT {exampleRows}")
            .Select(row => $"{label}: ({string.Join(", ", row.Select(Format))})");
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private void Execute(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<object?[]> Query(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = (DuckDBDataReader)command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(values);
        }

        return rows;
    }
}
