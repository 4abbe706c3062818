namespace CxSpark.Pipeline.Contract;

/// <summary>The contract of one raw-zone table: its name, whether it must exist, and its columns.</summary>
public sealed class TableContract
{
    /// <summary>Creates a table contract.</summary>
    public TableContract(string name, bool isRequired, IReadOnlyList<ColumnContract> columns)
    {
        Name = name;
        IsRequired = isRequired;
        Columns = columns;
    }

    /// <summary>The table name, also the folder name under the raw zone.</summary>
    public string Name { get; }

    /// <summary>Whether a run fails without this table.</summary>
    public bool IsRequired { get; }

    /// <summary>The columns in output order.</summary>
    public IReadOnlyList<ColumnContract> Columns { get; }

    /// <summary>The names of the key columns.</summary>
    public IReadOnlyList<string> KeyColumns => Columns.Where(c => c.IsKey).Select(c => c.Name).ToArray();

    /// <summary>The names of all columns, in order.</summary>
    public IReadOnlyList<string> ColumnNames => Columns.Select(c => c.Name).ToArray();

    /// <summary>The column named <paramref name="name"/>.</summary>
    public ColumnContract this[string name] => Columns.Single(c => c.Name == name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
