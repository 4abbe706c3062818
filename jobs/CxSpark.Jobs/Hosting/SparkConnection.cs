using System.Globalization;
using CxSpark.Connect.Client;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Configuration;
using Microsoft.Extensions.Logging;

namespace CxSpark.Jobs.Hosting;

/// <summary>The Spark session of one job: to <c>--remote</c>, else <c>SPARK_REMOTE</c>, else a local server started for the job.</summary>
public sealed class SparkConnection : IAsyncDisposable
{
    private readonly LocalSparkServer? _server;

    private SparkConnection(SparkSession session, LocalSparkServer? server)
    {
        Session = session;
        _server = server;
    }

    /// <summary>The session.</summary>
    public SparkSession Session { get; }

    /// <summary>Connects (starting a local server when no remote is configured) and checks that Spark answers.</summary>
    /// <exception cref="PipelineConfigurationException">The connection string (key <c>Remote</c> or <c>SPARK_REMOTE</c>) is invalid or would send its token in plaintext.</exception>
    /// <exception cref="SparkUnavailableException">Spark cannot be reached.</exception>
    public static async Task<SparkConnection> OpenAsync(PipelineOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        string? remote = options.Remote ?? NullIfEmpty(Environment.GetEnvironmentVariable("SPARK_REMOTE"));
        SparkConnectOptions? connect = remote is null ? null : Parse(remote, options.Remote is null ? "SPARK_REMOTE" : "Remote");
        LocalSparkServer? server = remote is null ? await LocalSparkServer.StartAsync(logger, cancellationToken).ConfigureAwait(false) : null;
        remote ??= server!.Url;
        connect ??= SparkConnectOptions.Parse(remote);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Spark.ConnectTimeoutSeconds));
        try
        {
            SparkSession session = await SparkSession.Builder()
                .Options(connect)
                .AppName("cxspark")
                .Config("spark.sql.session.timeZone", "UTC")
                .Config("spark.sql.shuffle.partitions", options.Spark.ShufflePartitions.ToString(CultureInfo.InvariantCulture))
                // Adaptive execution coalesces the small partitions of a shuffle (at least 1 MB each) and keeps one per core
                // at least, since ALS scoring and similar products spend much CPU per byte.
                .Config("spark.sql.adaptive.enabled", "true")
                .Config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                .Config("spark.sql.adaptive.coalescePartitions.parallelismFirst", "true")
                .GetOrCreateAsync(timeout.Token).ConfigureAwait(false);
            string version = await session.VersionAsync(timeout.Token).ConfigureAwait(false);
            logger.LogInformation("[spark] connected to Spark {Version} at {Endpoint}", version, session.Endpoint);
            return new SparkConnection(session, server);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            string reason = timeout.IsCancellationRequested ? $"no answer within {options.Spark.ConnectTimeoutSeconds} s" : e.Message;
            throw new SparkUnavailableException(Secrets.Redact($"Spark Connect at {remote} is unavailable: {reason}"), e);
        }
    }

    /// <summary>Releases the session and stops a server this job started.</summary>
    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync().ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Parses and checks a connection string up front, so a bad one is a configuration error (exit 2) naming its source.</summary>
    private static SparkConnectOptions Parse(string remote, string key)
    {
        try
        {
            SparkConnectOptions connect = SparkConnectOptions.Parse(remote);
            connect.ValidateTokenTransport();
            return connect;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new PipelineConfigurationException(key, e.Message);
        }
    }
}
