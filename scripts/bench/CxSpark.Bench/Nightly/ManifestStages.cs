using System.Text.Json;

namespace CxSpark.Bench.Nightly;

/// <summary>The stages of a run manifest (<c>_runs/&lt;run_id&gt;.json</c>) with rows in/out and Spark's own time.</summary>
internal static class ManifestStages
{
    public static List<StageResult> Read(JsonElement manifest, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> jobs,
        IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> sqlExecutions)
    {
        var stages = new List<StageResult>();
        foreach (JsonElement stage in manifest.GetProperty("stages").EnumerateArray())
        {
            string name = stage.GetProperty("stage").GetString()!;
            double seconds = stage.GetProperty("seconds").GetDouble();
            double? jobSeconds = null, spark = null;
            if (stage.TryGetProperty("started_at", out JsonElement started) && started.ValueKind == JsonValueKind.String)
            {
                DateTimeOffset from = started.GetDateTimeOffset();
                jobSeconds = Math.Round(SparkUiClient.BusySeconds(jobs, from, from.AddSeconds(seconds)), 3);
                spark = Math.Round(SparkUiClient.BusySeconds([.. jobs, .. sqlExecutions], from, from.AddSeconds(seconds)), 3);
            }

            double? server = stage.TryGetProperty("server_seconds", out JsonElement busy) && busy.ValueKind == JsonValueKind.Number ? busy.GetDouble() : null;
            double? outside = Round(StageResult.Share(seconds, spark));
            double? overhead = Round(StageResult.Share(seconds, server));
            string status = stage.GetProperty("status").GetString()!;
            (long? rowsIn, long? rowsOut) = status == "succeeded" ? Rows(manifest, name) : (null, null);
            long? peak = stage.TryGetProperty("peak_working_set_mb", out JsonElement mb) && mb.ValueKind == JsonValueKind.Number ? mb.GetInt64() : null;
            stages.Add(new StageResult(name, status, seconds, jobSeconds, spark, overhead, rowsIn, rowsOut, peak, server, outside));
        }

        return stages;
    }

    private static double? Round(double? share) => share is null ? null : Math.Round(share.Value, 4);

    /// <summary>Rows into and out of a stage: the cleaning counts, then the named row counts each later stage records.</summary>
    private static (long? In, long? Out) Rows(JsonElement manifest, string stage)
    {
        JsonElement cleaning = manifest.GetProperty("cleaning");
        JsonElement counts = manifest.GetProperty("row_counts");
        if (stage.StartsWith("clean.", StringComparison.Ordinal))
        {
            return cleaning.TryGetProperty(stage["clean.".Length..], out JsonElement table)
                ? (table.GetProperty("rows_in").GetInt64(), table.GetProperty("clean").GetInt64())
                : (null, null);
        }

        long? cleanPurchases = cleaning.TryGetProperty("transactions", out JsonElement transactions) ? transactions.GetProperty("clean").GetInt64() : null;
        long? profiles = Count(counts, "profile.customers");
        return stage switch
        {
            "profile" => (cleanPurchases, profiles),
            "segment" => (profiles, Count(counts, "segment.customers")),
            "recommend" => (cleanPurchases, FirstCount(counts, "recommend.")),
            _ => (null, FirstCount(counts, stage + ".")),
        };
    }

    private static long? Count(JsonElement counts, string name) => counts.TryGetProperty(name, out JsonElement value) ? value.GetInt64() : null;

    private static long? FirstCount(JsonElement counts, string prefix) =>
        counts.EnumerateObject().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(p => (long?)p.Value.GetInt64()).FirstOrDefault();
}
