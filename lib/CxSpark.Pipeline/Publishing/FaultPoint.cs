using System.Diagnostics;

namespace CxSpark.Pipeline.Publishing;

/// <summary>Named points of the publishing protocol where the fault-injection tests kill the job.</summary>
/// <remarks>
/// When the environment variable <c>CXSPARK_FAULT_POINT</c> names a point, the process sends itself SIGKILL on reaching
/// it, as a crash, an OOM killer or a lost machine would stop it: no finally block, no flush. Unset, a point costs one
/// string comparison.
/// </remarks>
public static class FaultPoint
{
    /// <summary>The environment variable naming the point to die at.</summary>
    public const string Variable = "CXSPARK_FAULT_POINT";

    private static readonly string? s_armed = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Dies here when <paramref name="name"/> is the armed point.</summary>
    public static void Hit(string name)
    {
        if (s_armed is not null && string.Equals(s_armed, name, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"cxspark: fault point {name} reached; killing this process");
            Console.Error.Flush();
            Process.GetCurrentProcess().Kill();
        }
    }
}
