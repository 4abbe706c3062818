using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CxSpark.Connect.Client;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Configuration;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Writes a <see cref="RunManifest"/> as JSON to <c>&lt;output&gt;/_runs/&lt;run_id&gt;.json</c>.</summary>
/// <remarks>
/// Locally the file is written beside its final name and renamed, so a reader sees the whole file or none. On other
/// file systems Spark writes it as a one-line text dataset at that path (a folder holding one part file).
/// </remarks>
public static class RunManifestWriter
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The manifest as JSON, every field passed through <see cref="Secrets.Redact"/> (the error message may quote a URL with a token).</summary>
    public static string ToJson(RunManifest manifest) => Secrets.Redact(JsonSerializer.Serialize(manifest, s_json));

    /// <summary>Writes the manifest and returns its path.</summary>
    public static async Task<string> WriteAsync(SparkSession spark, RunManifest manifest, string output, CancellationToken cancellationToken = default)
    {
        string json = ToJson(manifest);
        string path = output.TrimEnd('/') + "/" + OutputTables.Runs + "/" + manifest.RunId + ".json";
        if (!StoragePath.IsLocal(output))
        {
            DataFrame text = spark.CreateDataFrame([[json.ReplaceLineEndings(" ")]], "value STRING");
            await text.Coalesce(1).Write().Mode(SaveMode.Overwrite).Format("text").SaveAsync(path, cancellationToken).ConfigureAwait(false);
            return path;
        }

        string local = StoragePath.ToLocal(path);
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        string temporary = local + ".tmp";
        await File.WriteAllTextAsync(temporary, json, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, local, overwrite: true);
        return local;
    }
}
