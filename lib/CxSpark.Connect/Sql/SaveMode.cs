using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>What a write does when its target already exists.</summary>
public enum SaveMode
{
    /// <summary>Fail (Spark's default).</summary>
    ErrorIfExists,

    /// <summary>Add the rows.</summary>
    Append,

    /// <summary>Replace the existing data.</summary>
    Overwrite,

    /// <summary>Do nothing.</summary>
    Ignore,
}

/// <summary>Spark's save mode names.</summary>
internal static class SaveModes
{
    internal static SaveMode Parse(string mode) => mode.ToLowerInvariant() switch
    {
        "error" or "errorifexists" or "default" => SaveMode.ErrorIfExists,
        "append" => SaveMode.Append,
        "overwrite" => SaveMode.Overwrite,
        "ignore" => SaveMode.Ignore,
        _ => throw new ArgumentException($"Save mode '{mode}' is not one of append, overwrite, ignore, error.", nameof(mode)),
    };

    internal static Proto.WriteOperation.Types.SaveMode ToProto(SaveMode mode) => mode switch
    {
        SaveMode.Append => Proto.WriteOperation.Types.SaveMode.Append,
        SaveMode.Overwrite => Proto.WriteOperation.Types.SaveMode.Overwrite,
        SaveMode.Ignore => Proto.WriteOperation.Types.SaveMode.Ignore,
        _ => Proto.WriteOperation.Types.SaveMode.ErrorIfExists,
    };
}
