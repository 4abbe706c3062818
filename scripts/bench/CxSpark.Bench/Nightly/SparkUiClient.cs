using System.Globalization;
using System.Text.Json;

namespace CxSpark.Bench.Nightly;

/// <summary>Reads the jobs and SQL executions of one Spark application from the Spark UI REST API (<c>/api/v1/applications/&lt;id&gt;/…</c>).</summary>
internal sealed class SparkUiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _appUrl;

    private SparkUiClient(HttpClient http, string appUrl)
    {
        _http = http;
        _appUrl = appUrl;
    }

    /// <summary>Finds the application (the only one this UI serves) and returns a client for its jobs.</summary>
    public static async Task<SparkUiClient> ConnectAsync(string uiUrl)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using JsonDocument apps = JsonDocument.Parse(await http.GetStringAsync(uiUrl + "/api/v1/applications"));
        string id = apps.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()).FirstOrDefault()
            ?? throw new InvalidOperationException($"the Spark UI at {uiUrl} lists no application");
        return new SparkUiClient(http, $"{uiUrl}/api/v1/applications/{id}");
    }

    /// <summary>Every job the UI still holds, as (submitted, completed) intervals; a running job ends now.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)>> JobsAsync()
    {
        using JsonDocument jobs = JsonDocument.Parse(await _http.GetStringAsync(_appUrl + "/jobs"));
        var intervals = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (JsonElement job in jobs.RootElement.EnumerateArray())
        {
            if (!job.TryGetProperty("submissionTime", out JsonElement submitted))
            {
                continue;
            }

            DateTimeOffset end = job.TryGetProperty("completionTime", out JsonElement completed) ? Time(completed) : DateTimeOffset.UtcNow;
            intervals.Add((Time(submitted), end));
        }

        return intervals;
    }

    /// <summary>
    /// Every SQL execution the UI still holds, as (submitted, submitted + duration) intervals: these also cover the
    /// driver's planning and a write's commit, which run outside jobs; ML fits run RDD jobs outside SQL executions.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)>> SqlExecutionsAsync()
    {
        using JsonDocument executions = JsonDocument.Parse(await _http.GetStringAsync(_appUrl + "/sql?details=false&planDescription=false&offset=0&length=1000000"));
        var intervals = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (JsonElement execution in executions.RootElement.EnumerateArray())
        {
            DateTimeOffset start = Time(execution.GetProperty("submissionTime"));
            intervals.Add((start, start.AddMilliseconds(execution.GetProperty("duration").GetInt64())));
        }

        return intervals;
    }

    /// <summary>Seconds within [<paramref name="from"/>, <paramref name="to"/>] during which at least one job ran.</summary>
    /// <remarks>Jobs overlap (AQE submits independent query stages together), so this merges intervals rather than summing durations.</remarks>
    public static double BusySeconds(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> jobs, DateTimeOffset from, DateTimeOffset to)
    {
        double busy = 0;
        DateTimeOffset covered = from;
        foreach ((DateTimeOffset start, DateTimeOffset end) in jobs.OrderBy(j => j.Start))
        {
            DateTimeOffset clippedStart = start < covered ? covered : start;
            DateTimeOffset clippedEnd = end > to ? to : end;
            if (clippedEnd > clippedStart)
            {
                busy += (clippedEnd - clippedStart).TotalSeconds;
                covered = clippedEnd;
            }
        }

        return busy;
    }

    public void Dispose() => _http.Dispose();

    private static DateTimeOffset Time(JsonElement value) =>
        DateTimeOffset.ParseExact(value.GetString()!, "yyyy-MM-dd'T'HH:mm:ss.fff'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
