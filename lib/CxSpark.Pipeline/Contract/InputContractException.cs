namespace CxSpark.Pipeline.Contract;

/// <summary>An input table does not meet the input contract: a required column is missing or has an incompatible type.</summary>
public sealed class InputContractException : Exception
{
    /// <summary>Creates the exception for one table, column and file.</summary>
    public InputContractException(string table, string column, string file, string expectedType, string actualType)
        : base($"Input table '{table}', column '{column}' in {file}: expected {expectedType}, found {actualType}.")
    {
        Table = table;
        Column = column;
        File = file;
        ExpectedType = expectedType;
        ActualType = actualType;
    }

    /// <summary>The contract table name, for example <c>transactions</c>.</summary>
    public string Table { get; }

    /// <summary>The column as the user's data names it (after the column mapping is applied to the contract name).</summary>
    public string Column { get; }

    /// <summary>The file or dataset folder that was read.</summary>
    public string File { get; }

    /// <summary>The type family the contract expects, for example <c>BIGINT</c>.</summary>
    public string ExpectedType { get; }

    /// <summary>The Spark type found, or <c>missing</c>.</summary>
    public string ActualType { get; }
}
