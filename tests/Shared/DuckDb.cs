using DuckDB.NET.Data;

namespace CxSpark.Testing;

/// <summary>Reads published Parquet tables with DuckDB, an engine independent of Spark.</summary>
public static class DuckDb
{
    /// <summary>The FROM clause of a table's partitions (hive-style run_date folders).</summary>
    public static string Table(string output, string table) =>
        $"read_parquet('{Path.Combine(output, table).Replace("'", "''", StringComparison.Ordinal)}/*/*.parquet', hive_partitioning = true)";

    public static object?[] Row(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = (DuckDBDataReader)command.ExecuteReader();
        Assert.True(reader.Read(), "DuckDB returned no row for: " + sql);
        var values = new object?[reader.FieldCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return values;
    }

    /// <summary>Every row of a query.</summary>
    public static IReadOnlyList<object?[]> Rows(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
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

    public static long Count(string output, string table) => Convert.ToInt64(Row($"SELECT count(*) FROM {Table(output, table)}")[0]);

    public static IReadOnlyList<string> Columns(string output, string table)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Table(output, table)} LIMIT 0";
        using DuckDBDataReader reader = (DuckDBDataReader)command.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
    }
}
