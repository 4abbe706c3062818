using System.Text.Json;
using System.Text.Json.Serialization;
using CxSpark.Pipeline.Configuration;

namespace CxSpark.Pipeline.Publishing;

/// <summary>What one run's commit does to the published tables: written before its first rename, deleted after its last.</summary>
/// <remarks>
/// The journal holds table names, never paths: every path is derived from the <see cref="OutputLayout"/>, so a journal
/// (or a run id in it) cannot point a rename outside the output root. A journal left by a killed run is finished by the
/// next run on the output, or by <c>cxspark recover</c> (<see cref="CommitRecovery"/>).
/// </remarks>
/// <param name="RunId">The committing run.</param>
/// <param name="Job">The verb that ran.</param>
/// <param name="RunDate">The partition date the run publishes.</param>
/// <param name="Entries">One entry per table, in commit order.</param>
public sealed record CommitJournal(string RunId, string Job, DateOnly RunDate, IReadOnlyList<CommitEntry> Entries)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The journal as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Writes the journal to <paramref name="path"/> (a temporary file renamed into place) and flushes it to disk.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, s_json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a journal written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a journal, or names a table or run id that is not valid.</exception>
    public static CommitJournal Read(string path)
    {
        CommitJournal? journal;
        try
        {
            journal = JsonSerializer.Deserialize<CommitJournal>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Commit journal {path} is not readable: {e.Message}", e);
        }

        if (journal?.Entries is null || journal.RunId != Path.GetFileNameWithoutExtension(path) || !RunIds.IsValid(journal.RunId))
        {
            throw new InvalidDataException($"Commit journal {path} does not describe a commit of run '{Path.GetFileNameWithoutExtension(path)}'.");
        }

        foreach (CommitEntry entry in journal.Entries)
        {
            OutputLayout.CheckTable(entry.Table);
        }

        return journal;
    }
}

/// <summary>One table of a commit.</summary>
/// <param name="Table">The table (relative path under the output root).</param>
/// <param name="Action"><see cref="CommitAction.Replace"/> with the staged partition, or <see cref="CommitAction.Remove"/> the date's partition.</param>
public sealed record CommitEntry(string Table, CommitAction Action);

/// <summary>What a commit does to one table's partition of the run date.</summary>
public enum CommitAction
{
    /// <summary>The staged partition replaces the published one (or becomes it).</summary>
    Replace,

    /// <summary>The run owns the table but did not produce it this time: the date's partition is removed.</summary>
    Remove,
}
