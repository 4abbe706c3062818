using CxSpark.Connect.Client;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Configures and opens a <see cref="SparkSession"/>.</summary>
public sealed class SparkSessionBuilder
{
    private readonly Dictionary<string, string> _config = new(StringComparer.Ordinal);
    private string? _remote;
    private SparkConnectOptions? _options;
    private CallInvoker? _callInvoker;
    private ILogger? _logger;
    private RetryPolicy? _retryPolicy;

    internal SparkSessionBuilder()
    {
    }

    /// <summary>Sets the server by connection string, <c>sc://host:port/;token=…;use_ssl=…;user_id=…</c>.</summary>
    /// <remarks>
    /// Without one, <c>SPARK_REMOTE</c> is used, else <c>sc://localhost:15002</c>. A token goes to a host other than
    /// this machine only with <c>use_ssl=true</c> or <c>allow_insecure_auth=true</c>.
    /// </remarks>
    public SparkSessionBuilder Remote(string connectionString)
    {
        _remote = connectionString;
        return this;
    }

    /// <summary>Sets the connection options directly.</summary>
    public SparkSessionBuilder Options(SparkConnectOptions options)
    {
        _options = options;
        return this;
    }

    /// <summary>Sets a runtime configuration value applied when the session opens.</summary>
    public SparkSessionBuilder Config(string key, string value)
    {
        _config[key] = value;
        return this;
    }

    /// <summary>Sets the application name (<c>spark.app.name</c>, shown by the server where it can).</summary>
    public SparkSessionBuilder AppName(string name) => Config("spark.app.name", name);

    /// <summary>Sets the retry policy for transient failures.</summary>
    public SparkSessionBuilder RetryPolicy(RetryPolicy policy)
    {
        _retryPolicy = policy;
        return this;
    }

    /// <summary>Sets the logger for connection events (never given the token).</summary>
    public SparkSessionBuilder Logger(ILogger logger)
    {
        _logger = logger;
        return this;
    }

    /// <summary>Uses a caller-owned gRPC call invoker (custom channels, interceptors, tests); it is never disposed by the session.</summary>
    public SparkSessionBuilder CallInvoker(CallInvoker callInvoker)
    {
        _callInvoker = callInvoker;
        return this;
    }

    /// <summary>Connects, checks the server answers, applies the configuration and returns the session.</summary>
    /// <exception cref="Errors.SparkConnectionException">The server cannot be reached.</exception>
    /// <exception cref="Errors.SparkAuthenticationException">The server refused the token.</exception>
    /// <exception cref="FormatException">The connection string is invalid.</exception>
    /// <exception cref="InvalidOperationException">The token would be sent in plaintext to another machine (<see cref="SparkConnectOptions.ValidateTokenTransport"/>).</exception>
    public async Task<SparkSession> GetOrCreateAsync(CancellationToken cancellationToken = default)
    {
        SparkConnectOptions options = _options
            ?? SparkConnectOptions.Parse(_remote ?? Environment.GetEnvironmentVariable("SPARK_REMOTE") ?? "sc://localhost:15002");
        if (_retryPolicy is not null)
        {
            options = options with { RetryPolicy = _retryPolicy };
        }

        var client = new SparkConnectClient(options, _callInvoker, _logger);
        var session = new SparkSession(client);
        try
        {
            await session.VersionAsync(cancellationToken).ConfigureAwait(false);
            IEnumerable<KeyValuePair<string, string>> runtime = _config.Where(kv => kv.Key != "spark.app.name");
            if (runtime.Any())
            {
                var set = new Proto.ConfigRequest.Types.Set();
                set.Pairs.AddRange(runtime.Select(kv => new Proto.KeyValue { Key = kv.Key, Value = kv.Value }));
                await client.ConfigAsync(new Proto.ConfigRequest.Types.Operation { Set = set }, cancellationToken).ConfigureAwait(false);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
