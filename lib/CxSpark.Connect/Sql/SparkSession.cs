using CxSpark.Connect.Client;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>A session on a Spark Connect server: the entry point for reading data, running SQL and MLlib.</summary>
/// <remarks>
/// A session owns its server-side state (temporary views, cached data, fitted models, runtime settings).
/// Dispose it with <c>await using</c>: that releases the server session and closes the channel it created.
/// </remarks>
/// <example>
/// <code>
/// await using SparkSession spark = await SparkSession.Builder().Remote("sc://localhost:15002").GetOrCreateAsync();
/// DataFrame df = spark.Read().Parquet("hdfs://nn:8020/raw/transactions");
/// await df.GroupBy("country").Count().ShowAsync();
/// </code>
/// </example>
public sealed partial class SparkSession : IAsyncDisposable
{
    private long _nextPlanId;

    internal SparkSession(SparkConnectClient client)
    {
        Client = client;
        Conf = new RuntimeConfig(client);
        client.ProgressHandler = progress => ProgressChanged?.Invoke(this, progress);
    }

    /// <summary>Raised with Spark's progress reports (stages and tasks) while an action runs.</summary>
    public event EventHandler<ExecutionProgress>? ProgressChanged;

    /// <summary>Gets the session id (a UUID).</summary>
    public string SessionId => Client.SessionId;

    /// <summary>Gets the server address (token masked).</summary>
    public string Endpoint => Client.Endpoint;

    /// <summary>Gets the runtime configuration of this session.</summary>
    public RuntimeConfig Conf { get; }

    internal SparkConnectClient Client { get; }

    /// <summary>
    /// Gets how long at least one call of this session to the server has been in flight (overlapping calls count once):
    /// the server's share of the client's wall time, whatever it did meanwhile (analysis, planning, jobs). A client's own
    /// work between calls is the rest of its wall time.
    /// </summary>
    public TimeSpan ServerTime => Client.Calls.Busy;

    /// <summary>Starts configuring a session.</summary>
    public static SparkSessionBuilder Builder() => new();

    /// <summary>Returns the server's Spark version, such as <c>4.1.4</c>.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken = default)
    {
        Proto.AnalyzePlanResponse response = await AnalyzeAsync(
            new Proto.AnalyzePlanRequest { SparkVersion = new() }, cancellationToken).ConfigureAwait(false);
        return response.SparkVersion.Version;
    }

    /// <summary>Reads data sources: files on any Hadoop file system, tables.</summary>
    public DataFrameReader Read() => new(this);

    /// <summary>A frame of a table or view.</summary>
    public DataFrame Table(string name) => Read().Table(name);

    /// <summary>A frame with one <c>id</c> column of longs from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    public DataFrame Range(long start, long end, long step = 1, int? numPartitions = null)
    {
        var range = new Proto.Range { Start = start, End = end, Step = step };
        if (numPartitions is { } n)
        {
            range.NumPartitions = n;
        }

        return NewDataFrame(new Proto.Relation { Range = range });
    }

    /// <summary>A frame with one <c>id</c> column of longs from 0 to <paramref name="end"/> (exclusive).</summary>
    public DataFrame Range(long end) => Range(0, end);

    /// <summary>Runs SQL. Commands (DDL, <c>INSERT</c>…) run now; a query returns a lazy frame.</summary>
    /// <param name="query">The SQL text; <c>:name</c> markers take <paramref name="args"/>.</param>
    /// <param name="args">Named parameters: literals or <see cref="Column"/>s.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<DataFrame> SqlAsync(string query, IReadOnlyDictionary<string, object?>? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new Proto.SQL { Query = query };
        foreach ((string key, object? value) in args ?? new Dictionary<string, object?>())
        {
            sql.NamedArguments.Add(key, Functions.ToExpression(value));
        }

        var command = new Proto.Command { SqlCommand = new Proto.SqlCommand { Input = new Proto.Relation { Sql = sql } } };
        await foreach (Proto.ExecutePlanResponse response in Client.ExecuteAsync(new Proto.Plan { Command = command }, cancellationToken).ConfigureAwait(false))
        {
            if (response.SqlCommandResult is { Relation: { } relation })
            {
                return NewDataFrame(relation);
            }
        }

        throw new Errors.SparkConnectException($"The server returned no result for SQL: {query}");
    }

    /// <summary>Interrupts every running operation of this session.</summary>
    public Task<IReadOnlyList<string>> InterruptAllAsync(CancellationToken cancellationToken = default) =>
        Client.InterruptAsync(null, cancellationToken);

    /// <summary>Releases the server session and closes the channel the session created.</summary>
    public ValueTask DisposeAsync() => Client.DisposeAsync();

    internal long NextPlanId() => Interlocked.Increment(ref _nextPlanId);

    internal DataFrame NewDataFrame(Proto.Relation relation)
    {
        relation.Common ??= new Proto.RelationCommon();
        relation.Common.PlanId = NextPlanId();
        return new DataFrame(this, relation);
    }

    internal Task<Proto.AnalyzePlanResponse> AnalyzeAsync(Proto.AnalyzePlanRequest request, CancellationToken cancellationToken) =>
        Client.AnalyzeAsync(request, cancellationToken);

    internal async Task<List<Proto.ExecutePlanResponse>> ExecuteCommandAsync(Proto.Command command, CancellationToken cancellationToken)
    {
        var responses = new List<Proto.ExecutePlanResponse>();
        await foreach (Proto.ExecutePlanResponse response in Client.ExecuteAsync(new Proto.Plan { Command = command }, cancellationToken).ConfigureAwait(false))
        {
            responses.Add(response);
        }

        return responses;
    }

}
