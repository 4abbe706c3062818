namespace CxSpark.Pipeline.Configuration;

/// <summary>The rule for run ids, which become folder and file names under the output root.</summary>
/// <remarks>
/// A run id names the run's staging folder and manifest (<c>_runs/&lt;run_id&gt;.json</c>), and those paths are later
/// renamed and deleted recursively, so it must be a single, visible path segment on every file system and object store:
/// only ASCII letters, digits, <c>.</c>, <c>_</c> and <c>-</c>; not starting with <c>.</c> or <c>_</c> (the prefixes of
/// hidden and work folders, which also rules out <c>.</c> and <c>..</c>); at most <see cref="MaxLength"/> characters.
/// Letters outside ASCII are refused on purpose: their normalisation and case folding differ between file systems, so
/// two spellings of one id could name two folders, or two ids one.
/// </remarks>
public static class RunIds
{
    /// <summary>The longest run id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Returns <paramref name="runId"/> when it is a valid run id.</summary>
    /// <exception cref="PipelineConfigurationException">The id is empty, too long, or not a single plain path segment; the key is <c>RunId</c>.</exception>
    public static string Validate(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        string? problem = Problem(runId);
        return problem is null ? runId : throw new PipelineConfigurationException("RunId", problem);
    }

    /// <summary>Whether <paramref name="runId"/> is a valid run id.</summary>
    public static bool IsValid(string runId) => Problem(runId) is null;

    private static string? Problem(string runId)
    {
        if (runId.Length == 0)
        {
            return "is empty.";
        }

        if (runId.Length > MaxLength)
        {
            return $"has {runId.Length} characters; at most {MaxLength} are allowed.";
        }

        if (runId[0] is '.' or '_')
        {
            return $"'{runId}' starts with '{runId[0]}', the prefix of hidden and work folders.";
        }

        int bad = runId.AsSpan().IndexOfAnyExcept(s_allowed);
        return bad < 0 ? null
            : $"'{runId}' holds '{runId[bad]}' at position {bad}; only ASCII letters, digits, '.', '_' and '-' are allowed.";
    }

    private static readonly System.Buffers.SearchValues<char> s_allowed =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");
}
