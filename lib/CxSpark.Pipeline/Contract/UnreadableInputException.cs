namespace CxSpark.Pipeline.Contract;

/// <summary>A file inside an input table's folder cannot be read in the table's format: a corrupt Parquet file, or a file of another format.</summary>
public sealed class UnreadableInputException : Exception
{
    /// <summary>Creates the exception for one table and file.</summary>
    /// <param name="table">The contract table name.</param>
    /// <param name="file">The file Spark failed to read, as Spark names it.</param>
    /// <param name="format">The table's configured format, for example <c>parquet</c>.</param>
    /// <param name="errorClass">Spark's error condition, for example <c>FAILED_READ_FILE.NO_HINT</c>.</param>
    /// <param name="innerException">Spark's error.</param>
    public UnreadableInputException(string table, string file, string format, string errorClass, Exception innerException)
        : base($"Input table '{table}': cannot read {file} as {format} ([{errorClass}]); it is corrupt or not a {format} file: " +
            "remove it from the table's folder or replace it.", innerException)
    {
        Table = table;
        File = file;
        Format = format;
        ErrorClass = errorClass;
    }

    /// <summary>The contract table name, for example <c>transactions</c>.</summary>
    public string Table { get; }

    /// <summary>The file Spark failed to read.</summary>
    public string File { get; }

    /// <summary>The format the table is read in.</summary>
    public string Format { get; }

    /// <summary>Spark's error condition.</summary>
    public string ErrorClass { get; }
}
