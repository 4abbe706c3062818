using CxSpark.Jobs;

namespace CxSpark.Deploy.Tests.Infrastructure;

/// <summary>How <c>cxspark nightly</c> ends on the bundled sample in this build, however it is deployed.</summary>
public static class NightlyExpectation
{
    /// <summary>The exit code of nightly on the bundled sample: every stage runs (standalone cluster mode: driver
    /// FINISHED, which submit.sh maps to 0). Before recommend landed this was <see cref="ExitCodes.JobFailed"/>.</summary>
    public const int ExitCode = ExitCodes.Ok;

    /// <summary>The arguments of every nightly run of these tests, the direct reference included. The recommend stage is
    /// tuned on a one-point grid with a small model (its model quality is tested in CxSpark.Pipeline.Tests): the same
    /// stages, tables and comparisons in a fraction of the time.</summary>
    public static string[] Arguments(string output) =>
    [
        "nightly", "--run-date", DeployFixture.RunDate, "--output", output,
        "--set", "Recommend:DecayDays=30", "--set", "Recommend:Ranks=8", "--set", "Recommend:MaxIter=5",
    ];

    /// <summary>Tables a nightly run on the bundled sample publishes (among others).</summary>
    public static readonly string[] CoreTables =
    [
        "clean/transactions", "returns", "quarantine/transactions", "customer_profiles", "recommendations", "similar_products",
        "customer_segments", "segment_summary",
    ];
}
