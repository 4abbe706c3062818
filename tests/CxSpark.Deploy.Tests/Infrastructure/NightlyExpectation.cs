using CxSpark.Jobs;

namespace CxSpark.Deploy.Tests.Infrastructure;

/// <summary>How <c>cxspark nightly</c> ends on the bundled sample in this build, however it is deployed.</summary>
public static class NightlyExpectation
{
    /// <summary>The exit code of nightly on the bundled sample. The recommend stage is not yet available, so nightly
    /// publishes the clean, profile and segment tables and exits 4 (standalone cluster mode: driver FAILED, which
    /// submit.sh also maps to 4). When recommend lands this becomes <see cref="ExitCodes.Ok"/>; nothing else changes.</summary>
    public const int ExitCode = ExitCodes.JobFailed;

    /// <summary>Tables every nightly run publishes, before any stage that comes after segment.</summary>
    public static readonly string[] CoreTables = ["clean/transactions", "returns", "quarantine/transactions", "customer_profiles", "customer_segments", "segment_summary"];
}
