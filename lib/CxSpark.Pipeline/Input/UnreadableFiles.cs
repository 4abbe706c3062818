using System.Text.RegularExpressions;
using CxSpark.Connect.Errors;
using CxSpark.Pipeline.Contract;

namespace CxSpark.Pipeline.Input;

/// <summary>Recognises Spark's "cannot read this file" errors for a file of an input table and names the table and the file.</summary>
/// <remarks>
/// Spark reads every file of a dataset folder whose name does not start with <c>_</c> or <c>.</c>, whatever its
/// extension, so a CSV file or a truncated Parquet file among the part files fails the read. Reading the data reports
/// <c>FAILED_READ_FILE.*</c> with the file in the <c>path</c> parameter; inferring the schema from a bad footer fails a
/// job whose message embeds <c>[FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER] … reading file &lt;path&gt;.</c> without an error
/// class. Only files inside the table's own path count: a failed read of an output (the pipeline's own files) stays a
/// job failure. A file deleted during the run (<c>FAILED_READ_FILE.FILE_NOT_EXIST</c>) is not an input error either.
/// Column type mismatches are <see cref="PhysicalTypes"/>' business.
/// </remarks>
public static partial class UnreadableFiles
{
    private const string FileNotExist = "FAILED_READ_FILE.FILE_NOT_EXIST";
    private const string ColumnMismatch = "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH";

    /// <summary>Turns a failed read of a file under <paramref name="tablePath"/> into an <see cref="UnreadableInputException"/>.</summary>
    /// <param name="error">The server's error.</param>
    /// <param name="table">The contract table name.</param>
    /// <param name="tablePath">The dataset path the table was read from.</param>
    /// <param name="format">The table's format.</param>
    /// <param name="explained">The input error, when this returns true.</param>
    public static bool TryExplain(SparkServerException error, string table, string tablePath, string format, out UnreadableInputException explained)
    {
        ArgumentNullException.ThrowIfNull(error);
        explained = null!;
        Match match = FailedRead().Match(error.Message);
        string? errorClass = error.ErrorClass is { } known && IsUnreadable(known) ? known
            : match.Success ? match.Groups["class"].Value
            : null;
        string? file = error.MessageParameters.TryGetValue("path", out string? path) && !string.IsNullOrEmpty(path) ? path
            : match.Success ? match.Groups["path"].Value
            : null;
        if (errorClass is null || !IsUnreadable(errorClass) || file is null || !IsInside(file, tablePath))
        {
            return false;
        }

        explained = new UnreadableInputException(table, file, format, errorClass, error);
        return true;
    }

    private static bool IsUnreadable(string errorClass) =>
        errorClass is not (FileNotExist or ColumnMismatch)
        && (errorClass.StartsWith("FAILED_READ_FILE", StringComparison.Ordinal) || errorClass == "CANNOT_READ_FILE_FOOTER");

    /// <summary>Whether <paramref name="file"/> is <paramref name="folder"/> or below it, comparing paths without scheme
    /// and authority (Spark writes <c>file:/x</c> and <c>file:///x</c>, HDFS adds the name node's port).</summary>
    private static bool IsInside(string file, string folder)
    {
        string filePath = PathPart(file);
        string folderPath = PathPart(folder).TrimEnd('/');
        return filePath == folderPath || filePath.StartsWith(folderPath + "/", StringComparison.Ordinal);
    }

    /// <remarks><see cref="Uri"/> reads <c>file:/work/x</c> as host <c>work</c>, so file paths are cut by hand.</remarks>
    private static string PathPart(string path)
    {
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.UnescapeDataString("/" + path["file:".Length..].TrimStart('/'));
        }

        return path.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(path, UriKind.Absolute, out Uri? uri)
            ? Uri.UnescapeDataString(uri.AbsolutePath)
            : path;
    }

    [GeneratedRegex(@"\[(?<class>FAILED_READ_FILE(\.[A-Z_]+)?|CANNOT_READ_FILE_FOOTER)\] Encountered error while reading file (?<path>.+?)\.(\s|$)")]
    private static partial Regex FailedRead();
}
