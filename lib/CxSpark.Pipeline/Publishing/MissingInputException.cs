namespace CxSpark.Pipeline.Publishing;

/// <summary>
/// A stage's input table was neither staged by this run nor published for the run date: the job that produces it has
/// not run for that date (exit 2).
/// </summary>
public sealed class MissingInputException : Exception
{
    /// <summary>Creates the exception for <paramref name="table"/>, which <paramref name="producer"/> writes.</summary>
    public MissingInputException(string table, DateOnly runDate, string output, string producer, string? detail = null)
        : base(detail ?? $"no {table} for {runDate:yyyy-MM-dd} under {output}; run '{producer}' for that date first.")
    {
        Table = table;
        RunDate = runDate;
        Producer = producer;
    }

    /// <summary>The missing table, for example <c>clean/transactions</c>.</summary>
    public string Table { get; }

    /// <summary>The run date whose partition is missing.</summary>
    public DateOnly RunDate { get; }

    /// <summary>The job that writes the table.</summary>
    public string Producer { get; }
}
