using System.Text.RegularExpressions;
using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql.Types;
using CxSpark.Pipeline.Contract;

namespace CxSpark.Pipeline.Input;

/// <summary>Reads Parquet part files whose physical types differ, and names the file when they cannot be reconciled.</summary>
/// <remarks>
/// Without <c>mergeSchema</c> Spark takes a Parquet dataset's schema from one part file, and its reader refuses a file
/// whose column is wider (an INT64 quantity read as <c>int</c>); <c>mergeSchema</c> itself rejects <c>int</c> beside
/// <c>bigint</c>. Spark 4's reader does widen values (INT32 to <c>bigint</c>, FLOAT to <c>double</c>), so the raw zone is
/// read with the inferred schema widened: integral columns as <c>bigint</c>, <c>float</c> as <c>double</c>. INT96 and
/// INT64 (micros, millis) timestamps all read as <c>timestamp</c>. A column that is text in one file and a number in
/// another still fails, in Spark's reader, naming the file; <see cref="TryExplain"/> turns that into an input error.
/// </remarks>
public static partial class PhysicalTypes
{
    private const string MismatchErrorClass = "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH";

    /// <summary><paramref name="schema"/> with byte, short and int columns as bigint and float columns as double.</summary>
    public static StructType Widen(StructType schema) => new(schema.Fields.Select(f => f.DataType switch
    {
        ByteType or ShortType or IntegerType => f with { DataType = new LongType() },
        FloatType => f with { DataType = new DoubleType() },
        _ => f,
    }));

    /// <summary>Turns Spark's "column type in this part file does not match" read error into an <see cref="InputContractException"/>.</summary>
    public static bool TryExplain(SparkServerException error, string table, out InputContractException explained)
    {
        explained = null!;
        if (error.ErrorClass != MismatchErrorClass && !error.Message.Contains(MismatchErrorClass, StringComparison.Ordinal))
        {
            return false;
        }

        Match match = MismatchMessage().Match(error.Message);
        string file = Parameter(error, "path") ?? (match.Success ? match.Groups["path"].Value : "(unknown file)");
        string column = Parameter(error, "column") ?? (match.Success ? match.Groups["column"].Value : "(unknown column)");
        string expected = Parameter(error, "expectedType") ?? (match.Success ? match.Groups["expected"].Value : "?");
        string actual = Parameter(error, "actualType") ?? (match.Success ? match.Groups["actual"].Value : "?");
        explained = new InputContractException(table, column.Trim('[', ']', '`'), file, expected,
            $"Parquet {actual} in this part file (other part files hold {expected})");
        return true;
    }

    private static string? Parameter(SparkServerException error, string name) =>
        error.MessageParameters.TryGetValue(name, out string? value) && !string.IsNullOrEmpty(value) ? value : null;

    [GeneratedRegex(@"reading file (?<path>\S+?)\.? Data type mismatches when reading Parquet column (?<column>\S+)\. Expected Spark type (?<expected>\S+), actual Parquet type (?<actual>[^.\s]+)")]
    private static partial Regex MismatchMessage();
}
