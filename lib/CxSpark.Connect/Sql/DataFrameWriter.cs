using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Writes a <see cref="DataFrame"/> to files or tables (the V1 writer, <c>df.write</c>).</summary>
/// <remarks>Writing runs the query. The default mode fails if the target exists; Spark writes a folder of part
/// files with a <c>_SUCCESS</c> marker at a path.</remarks>
public sealed class DataFrameWriter
{
    private readonly DataFrame _input;
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _partitionBy = [];
    private readonly List<string> _sortBy = [];
    private string? _format;
    private SaveMode _mode = SaveMode.ErrorIfExists;
    private (int Buckets, string[] Columns)? _bucketBy;

    internal DataFrameWriter(DataFrame input) => _input = input;

    /// <summary>Sets the output format, such as <c>parquet</c>, <c>csv</c>, <c>json</c>, <c>orc</c>, <c>noop</c>.</summary>
    public DataFrameWriter Format(string source)
    {
        _format = source;
        return this;
    }

    /// <summary>Sets what happens when the target exists.</summary>
    public DataFrameWriter Mode(SaveMode mode)
    {
        _mode = mode;
        return this;
    }

    /// <summary>Sets what happens when the target exists: <c>append</c>, <c>overwrite</c>, <c>ignore</c>, <c>error</c>.</summary>
    public DataFrameWriter Mode(string mode) => Mode(SaveModes.Parse(mode));

    /// <summary>Sets a writer option, such as <c>compression</c>.</summary>
    public DataFrameWriter Option(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    /// <summary>Sets several writer options.</summary>
    public DataFrameWriter Options(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach ((string key, string value) in options)
        {
            _options[key] = value;
        }

        return this;
    }

    /// <summary>Partitions the output in Hive-style folders (<c>column=value/</c>).</summary>
    public DataFrameWriter PartitionBy(params string[] columns)
    {
        _partitionBy.AddRange(columns);
        return this;
    }

    /// <summary>Buckets a table's output by hash of the columns (tables only).</summary>
    public DataFrameWriter BucketBy(int numBuckets, string column, params string[] columns)
    {
        _bucketBy = (numBuckets, columns.Prepend(column).ToArray());
        return this;
    }

    /// <summary>Sorts each bucket by the columns (with <see cref="BucketBy"/>).</summary>
    public DataFrameWriter SortBy(string column, params string[] columns)
    {
        _sortBy.AddRange(columns.Prepend(column));
        return this;
    }

    /// <summary>Writes to a path in the set format.</summary>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default) => RunAsync(op => op.Path = path, cancellationToken);

    /// <summary>Writes to the format's default location (for sources such as <c>noop</c>).</summary>
    public Task SaveAsync(CancellationToken cancellationToken = default) => RunAsync(_ => { }, cancellationToken);

    /// <summary>Writes Parquet to a path.</summary>
    public Task ParquetAsync(string path, CancellationToken cancellationToken = default) => Format("parquet").SaveAsync(path, cancellationToken);

    /// <summary>Writes CSV to a path.</summary>
    public Task CsvAsync(string path, CancellationToken cancellationToken = default) => Format("csv").SaveAsync(path, cancellationToken);

    /// <summary>Writes JSON lines to a path.</summary>
    public Task JsonAsync(string path, CancellationToken cancellationToken = default) => Format("json").SaveAsync(path, cancellationToken);

    /// <summary>Writes ORC to a path.</summary>
    public Task OrcAsync(string path, CancellationToken cancellationToken = default) => Format("orc").SaveAsync(path, cancellationToken);

    /// <summary>Writes to a table, creating it if needed.</summary>
    public Task SaveAsTableAsync(string table, CancellationToken cancellationToken = default) =>
        RunAsync(op => op.Table = new Proto.WriteOperation.Types.SaveTable
        {
            TableName = table,
            SaveMethod = Proto.WriteOperation.Types.SaveTable.Types.TableSaveMethod.SaveAsTable,
        }, cancellationToken);

    /// <summary>Inserts into an existing table, matching columns by position.</summary>
    public Task InsertIntoAsync(string table, CancellationToken cancellationToken = default) =>
        RunAsync(op => op.Table = new Proto.WriteOperation.Types.SaveTable
        {
            TableName = table,
            SaveMethod = Proto.WriteOperation.Types.SaveTable.Types.TableSaveMethod.InsertInto,
        }, cancellationToken);

    private async Task RunAsync(Action<Proto.WriteOperation> target, CancellationToken cancellationToken)
    {
        var operation = new Proto.WriteOperation { Input = _input.Relation, Mode = SaveModes.ToProto(_mode) };
        if (_format is not null)
        {
            operation.Source = _format;
        }

        operation.Options.Add(_options);
        operation.PartitioningColumns.AddRange(_partitionBy);
        operation.SortColumnNames.AddRange(_sortBy);
        if (_bucketBy is { } bucket)
        {
            operation.BucketBy = new Proto.WriteOperation.Types.BucketBy { NumBuckets = bucket.Buckets };
            operation.BucketBy.BucketColumnNames.AddRange(bucket.Columns);
        }

        target(operation);
        await _input.Session.ExecuteCommandAsync(new Proto.Command { WriteOperation = operation }, cancellationToken).ConfigureAwait(false);
    }
}
