using System.Text.Json;

namespace CxSpark.Deploy.Tests.Infrastructure;

/// <summary>Compares the published tables and run manifests of two output folders, reading the Parquet with DuckDB.</summary>
public static class Outputs
{
    /// <summary>The visible tables of an output folder: every folder holding run_date= partitions ("clean/transactions").</summary>
    public static IReadOnlyList<string> Tables(string output) => Directory.Exists(output)
        ? Directory.GetDirectories(output, "run_date=*", SearchOption.AllDirectories)
            .Select(partition => Path.GetRelativePath(output, Path.GetDirectoryName(partition)!).Replace('\\', '/'))
            .Where(table => !table.StartsWith('_'))
            .Distinct().Order(StringComparer.Ordinal).ToArray()
        : [];

    /// <summary>Asserts that <paramref name="table"/> has the same columns and exactly the same rows (as a multiset) in both
    /// folders. <c>model_version</c> is <c>run_id/model label</c> by design, so only its model label is compared.</summary>
    public static void AssertSameTable(string expectedOutput, string actualOutput, string table)
    {
        IReadOnlyList<string> columns = DuckDb.Columns(expectedOutput, table);
        Assert.Equal(columns, DuckDb.Columns(actualOutput, table));
        string select = "SELECT " + string.Join(", ", columns.Select(c => c == "model_version"
            ? "regexp_replace(model_version, '^[^/]+/', '') AS model_version"
            : $"\"{c}\""));
        string expected = DuckDb.Table(expectedOutput, table);
        string actual = DuckDb.Table(actualOutput, table);
        object?[] diff = DuckDb.Row($"""
            SELECT (SELECT count(*) FROM {expected}), (SELECT count(*) FROM {actual}),
                   (SELECT count(*) FROM ({select} FROM {expected} EXCEPT ALL {select} FROM {actual})),
                   (SELECT count(*) FROM ({select} FROM {actual} EXCEPT ALL {select} FROM {expected}))
            """);
        long[] counts = diff.Select(Convert.ToInt64).ToArray();
        Assert.True(counts[0] == counts[1] && counts[2] == 0 && counts[3] == 0,
            $"{table}: {counts[0]} rows expected, {counts[1]} found; {counts[2]} expected rows missing, {counts[3]} unexpected rows");
    }

    /// <summary>Asserts that both folders publish the same tables with the same contents.</summary>
    public static void AssertSameTables(string expectedOutput, string actualOutput)
    {
        IReadOnlyList<string> tables = Tables(expectedOutput);
        Assert.NotEmpty(tables);
        Assert.Equal(tables, Tables(actualOutput));
        foreach (string table in tables)
        {
            AssertSameTable(expectedOutput, actualOutput, table);
        }
    }

    /// <summary>The manifest of the only run in an output folder that reached <paramref name="status"/>.</summary>
    public static JsonElement Manifest(string output, string status)
    {
        JsonElement[] manifests = Directory.GetFiles(Path.Combine(output, "_runs"), "*.json")
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement)
            .Where(manifest => manifest.GetProperty("status").GetString() == status)
            .ToArray();
        Assert.True(manifests.Length == 1, $"{manifests.Length} manifests with status '{status}' under {output}/_runs");
        return manifests[0];
    }

    /// <summary>The manifest of the only run in an output folder.</summary>
    public static JsonElement OnlyManifest(string output)
    {
        string[] files = Directory.GetFiles(Path.Combine(output, "_runs"), "*.json");
        Assert.True(files.Length == 1, $"{files.Length} manifests under {output}/_runs");
        return JsonDocument.Parse(File.ReadAllText(files[0])).RootElement;
    }

    /// <summary>Asserts that two run manifests report the same per-table cleaning counts, row counts and metrics.</summary>
    public static void AssertSameCounts(JsonElement expected, JsonElement actual)
    {
        foreach (string property in new[] { "status", "cleaning", "row_counts", "metrics" })
        {
            Assert.Equal(expected.GetProperty(property).GetRawText(), actual.GetProperty(property).GetRawText());
        }
    }
}
