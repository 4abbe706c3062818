using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxSpark.Pipeline.Publishing;

/// <summary>The file in every published partition that names the run which wrote it (<see cref="OutputLayout.RunMarker"/>).</summary>
/// <remarks>Its name starts with '_', so Spark, DuckDB and Hive readers of the table skip it.</remarks>
/// <param name="RunId">The run that wrote the partition.</param>
/// <param name="Job">The verb that ran.</param>
/// <param name="Table">The table.</param>
/// <param name="RunDate">The partition date.</param>
/// <param name="StagedAt">When the run finished writing the partition (UTC).</param>
public sealed record RunMarker(string RunId, string Job, string Table, DateOnly RunDate, DateTimeOffset StagedAt)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The marker as JSON (one line).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json).ReplaceLineEndings(" ");

    /// <summary>Writes the marker into the local partition folder <paramref name="partition"/>.</summary>
    public void WriteInto(string partition) => File.WriteAllText(Path.Combine(partition, OutputLayout.RunMarker), ToJson());

    /// <summary>The run id recorded in the local partition folder <paramref name="partition"/>, or null when it has no readable marker.</summary>
    public static string? RunIdOf(string partition)
    {
        string file = Path.Combine(partition, OutputLayout.RunMarker);
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<RunMarker>(File.ReadAllText(file), s_json)?.RunId : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
