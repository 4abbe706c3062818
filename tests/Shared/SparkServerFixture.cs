using CxSpark.Connect.Sql;

namespace CxSpark.Testing;

/// <summary>One real Spark Connect server and session per test run: SPARK_REMOTE when set, else one started here on the
/// test project's own port (its <c>CxSparkTestPort</c> assembly metadata, set in the project file).</summary>
public sealed class SparkServerFixture : IAsyncLifetime
{
    private LocalSparkServer? _server;

    public SparkSession Spark { get; private set; } = null!;

    public string Remote { get; private set; } = string.Empty;

    /// <summary>Gets the port of the server the test project starts when SPARK_REMOTE is not set.</summary>
    public static int Port { get; } = int.Parse(
        typeof(SparkServerFixture).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "CxSparkTestPort").Value!,
        System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        string? remote = Environment.GetEnvironmentVariable("SPARK_REMOTE");
        if (string.IsNullOrEmpty(remote))
        {
            _server = await LocalSparkServer.StartAsync(Port).ConfigureAwait(false);
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
