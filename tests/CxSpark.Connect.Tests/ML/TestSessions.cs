using CxSpark.Connect.Client;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.Tests.ML;

/// <summary>A session that is never contacted: plans are built and inspected, nothing is sent.</summary>
internal static class TestSessions
{
    internal static SparkSession Offline() =>
        new(new SparkConnectClient(SparkConnectOptions.Parse("sc://localhost:1") with { RetryPolicy = RetryPolicy.None }, null, null));
}
