using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using CxSpark.Pipeline.Configuration;
using CxSpark.Pipeline.Contract;

namespace CxSpark.Pipeline.Input;

/// <summary>Reads raw-zone tables as configured and checks them against the input contract.</summary>
public sealed class RawZoneReader
{
    private const int MaxFilesToInspect = 200;
    private readonly SparkSession _spark;
    private readonly PipelineOptions _options;

    /// <summary>Creates a reader for one run.</summary>
    public RawZoneReader(SparkSession spark, PipelineOptions options)
    {
        _spark = spark;
        _options = options;
    }

    /// <summary>Reads <paramref name="contract"/>'s table, or returns null when an optional table is absent.</summary>
    /// <exception cref="InputContractException">A required table is absent.</exception>
    /// <exception cref="UnreadableInputException">The file Spark infers the schema from cannot be read.</exception>
    public async Task<RawTable?> ReadAsync(TableContract contract, CancellationToken cancellationToken = default)
    {
        TableSource source = _options.SourceOf(contract.Name);
        string path = StoragePath.ForSpark(_options.PathOf(contract.Name));
        if (StoragePath.IsLocal(path) && !Directory.Exists(path) && !File.Exists(path))
        {
            return contract.IsRequired ? throw new InputContractException(contract.Name, "(table)", path, "a dataset", "missing") : null;
        }

        DataFrame frame = Reader(source).Load(path);
        try
        {
            StructType schema = await frame.SchemaAsync(cancellationToken).ConfigureAwait(false);
            StructType widened = PhysicalTypes.Widen(schema);
            if (source.Format == "parquet" && source.Schema is null && !widened.Equals(schema))
            {
                return new RawTable(Reader(source).Schema(widened).Load(path), widened, path);
            }

            return new RawTable(frame, schema, path);
        }
        catch (AnalysisException e) when (e.Message.Contains("PATH_NOT_FOUND", StringComparison.Ordinal) || e.Message.Contains("UNABLE_TO_INFER_SCHEMA", StringComparison.Ordinal))
        {
            return contract.IsRequired ? throw new InputContractException(contract.Name, "(table)", path, "a dataset", "missing") : null;
        }
        catch (SparkServerException e) when (UnreadableFiles.TryExplain(e, contract.Name, path, source.Format, out UnreadableInputException unreadable))
        {
            throw unreadable;
        }
    }

    /// <summary>Checks <paramref name="raw"/> against the contract; a missing or incompatible column names the first part file
    /// that lacks it or holds that type. Then, for Parquet and ORC, checks that every file's footer can be read.</summary>
    /// <remarks>
    /// The footer check counts the rows, which these formats answer from the footers alone, so a run stops on a corrupt
    /// or foreign file (a CSV file among Parquet parts) before it publishes anything. A file whose footer is sound but
    /// whose data pages are damaged still fails later, in the cleaning stage, with the same error.
    /// </remarks>
    /// <exception cref="InputContractException">The table breaks the contract.</exception>
    /// <exception cref="UnreadableInputException">A file of the table cannot be read in its format.</exception>
    public async Task ValidateAsync(RawTable raw, TableContract contract, CancellationToken cancellationToken = default)
    {
        TableSource source = _options.SourceOf(contract.Name);
        try
        {
            ContractMapper.Validate(raw.Schema, contract, source.Mapping, raw.Path);
        }
        catch (InputContractException e) when (StoragePath.IsLocal(raw.Path) && Directory.Exists(raw.Path))
        {
            string file = await FirstFileBreakingAsync(raw.Path, contract.Name, e, cancellationToken).ConfigureAwait(false) ?? raw.Path;
            throw new InputContractException(e.Table, e.Column, file, e.ExpectedType, e.ActualType);
        }

        if (source.Format is "parquet" or "orc")
        {
            try
            {
                await raw.Frame.CountAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SparkServerException e) when (UnreadableFiles.TryExplain(e, contract.Name, raw.Path, source.Format, out UnreadableInputException unreadable))
            {
                throw unreadable;
            }
        }
    }

    private async Task<string?> FirstFileBreakingAsync(string folder, string table, InputContractException error, CancellationToken cancellationToken)
    {
        TableSource source = _options.SourceOf(table);
        IEnumerable<string> files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Take(MaxFilesToInspect);
        foreach (string file in files)
        {
            StructType schema;
            try
            {
                schema = await Reader(source).Load(file).SchemaAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SparkServerException e) when (UnreadableFiles.TryExplain(e, table, file, source.Format, out UnreadableInputException unreadable))
            {
                throw unreadable;
            }

            StructField? field = schema.Fields.FirstOrDefault(f => string.Equals(f.Name, error.Column, StringComparison.OrdinalIgnoreCase));
            if (field is null ? error.ActualType == "missing" : field.DataType.SimpleString == error.ActualType)
            {
                return file;
            }
        }

        return null;
    }

    private DataFrameReader Reader(TableSource source)
    {
        DataFrameReader reader = _spark.Read().Format(source.Format);
        if (source.Format == "csv" && !source.ReaderOptions.ContainsKey("header"))
        {
            reader = reader.Option("header", true);
        }

        reader = reader.Options(source.ReaderOptions);
        return source.Schema is null ? reader : reader.Schema(source.Schema);
    }
}
