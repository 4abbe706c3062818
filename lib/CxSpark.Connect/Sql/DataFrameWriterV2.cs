using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Writes a <see cref="DataFrame"/> to a catalog table (the V2 writer, <c>df.writeTo(table)</c>).</summary>
public sealed class DataFrameWriterV2
{
    private readonly DataFrame _input;
    private readonly string _table;
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);
    private readonly List<Column> _partitionedBy = [];
    private string? _provider;

    internal DataFrameWriterV2(DataFrame input, string table)
    {
        _input = input;
        _table = table;
    }

    /// <summary>Sets the table's provider, such as <c>parquet</c>.</summary>
    public DataFrameWriterV2 Using(string provider)
    {
        _provider = provider;
        return this;
    }

    /// <summary>Sets a write option.</summary>
    public DataFrameWriterV2 Option(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    /// <summary>Sets a table property.</summary>
    public DataFrameWriterV2 TableProperty(string key, string value)
    {
        _properties[key] = value;
        return this;
    }

    /// <summary>Partitions the table by columns or transforms.</summary>
    public DataFrameWriterV2 PartitionedBy(params Column[] columns)
    {
        _partitionedBy.AddRange(columns);
        return this;
    }

    /// <summary>Creates the table; fails if it exists.</summary>
    public Task CreateAsync(CancellationToken cancellationToken = default) => RunAsync(Proto.WriteOperationV2.Types.Mode.Create, null, cancellationToken);

    /// <summary>Replaces the table; fails if it does not exist.</summary>
    public Task ReplaceAsync(CancellationToken cancellationToken = default) => RunAsync(Proto.WriteOperationV2.Types.Mode.Replace, null, cancellationToken);

    /// <summary>Creates or replaces the table.</summary>
    public Task CreateOrReplaceAsync(CancellationToken cancellationToken = default) => RunAsync(Proto.WriteOperationV2.Types.Mode.CreateOrReplace, null, cancellationToken);

    /// <summary>Appends to the existing table.</summary>
    public Task AppendAsync(CancellationToken cancellationToken = default) => RunAsync(Proto.WriteOperationV2.Types.Mode.Append, null, cancellationToken);

    /// <summary>Replaces the rows matching a condition.</summary>
    public Task OverwriteAsync(Column condition, CancellationToken cancellationToken = default) => RunAsync(Proto.WriteOperationV2.Types.Mode.Overwrite, condition, cancellationToken);

    /// <summary>Replaces the partitions the frame has rows for.</summary>
    public Task OverwritePartitionsAsync(CancellationToken cancellationToken = default) => RunAsync(Proto.WriteOperationV2.Types.Mode.OverwritePartitions, null, cancellationToken);

    private async Task RunAsync(Proto.WriteOperationV2.Types.Mode mode, Column? condition, CancellationToken cancellationToken)
    {
        var operation = new Proto.WriteOperationV2 { Input = _input.Relation, TableName = _table, Mode = mode };
        if (_provider is not null)
        {
            operation.Provider = _provider;
        }

        operation.Options.Add(_options);
        operation.TableProperties.Add(_properties);
        operation.PartitioningColumns.AddRange(Column.Expressions(_partitionedBy));
        if (condition is not null)
        {
            operation.OverwriteCondition = condition.Expression;
        }

        await _input.Session.ExecuteCommandAsync(new Proto.Command { WriteOperationV2 = operation }, cancellationToken).ConfigureAwait(false);
    }
}
