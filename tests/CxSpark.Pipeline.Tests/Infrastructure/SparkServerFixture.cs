using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Tests.Infrastructure;

/// <summary>One real Spark Connect server and session per test run: SPARK_REMOTE when set, else one started here.</summary>
public sealed class SparkServerFixture : IAsyncLifetime
{
    private LocalSparkServer? _server;

    public SparkSession Spark { get; private set; } = null!;

    public string Remote { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        string? remote = Environment.GetEnvironmentVariable("SPARK_REMOTE");
        if (string.IsNullOrEmpty(remote))
        {
            _server = await LocalSparkServer.StartAsync(TestPorts.Shared).ConfigureAwait(false);
            remote = _server.Url;
        }

        Remote = remote;
        Spark = await SparkSession.Builder()
            .Remote(remote)
            .Config("spark.sql.shuffle.partitions", "4")
            .Config("spark.sql.session.timeZone", "UTC")
            .GetOrCreateAsync().ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (Spark is not null)
        {
            await Spark.DisposeAsync().ConfigureAwait(false);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

[CollectionDefinition("Spark")]
public sealed class SparkCollection : ICollectionFixture<SparkServerFixture>
{
}

/// <summary>Ports of the servers these tests start, away from 15002 and from the client tests' 15102.</summary>
public static class TestPorts
{
    public const int Shared = 15112;
}
