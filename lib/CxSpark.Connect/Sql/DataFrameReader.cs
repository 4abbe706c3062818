using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Reads data sources into a <see cref="DataFrame"/>: Parquet, CSV, JSON, ORC, text, tables.</summary>
/// <remarks>
/// Paths go to the server as given, so any Hadoop file system the cluster can reach works:
/// <c>hdfs://</c>, <c>s3a://</c>, <c>abfss://</c>, <c>file://</c>. A relative path is relative to the server's
/// working directory, not this process's. Reading is lazy: a missing path fails at the first action.
/// </remarks>
public sealed class DataFrameReader
{
    private readonly SparkSession _session;
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private string? _format;
    private string? _schema;

    internal DataFrameReader(SparkSession session) => _session = session;

    /// <summary>Sets the source format, such as <c>parquet</c>, <c>csv</c>, <c>json</c>, <c>orc</c>, <c>text</c>.</summary>
    public DataFrameReader Format(string source)
    {
        _format = source;
        return this;
    }

    /// <summary>Sets the schema instead of inferring it.</summary>
    public DataFrameReader Schema(StructType schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema.Json;
        return this;
    }

    /// <summary>Sets the schema as DDL, such as <c>id INT, name STRING</c>.</summary>
    public DataFrameReader Schema(string ddl)
    {
        _schema = ddl;
        return this;
    }

    /// <summary>Sets a source option, such as <c>header</c> for CSV.</summary>
    public DataFrameReader Option(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    /// <summary>Sets a boolean source option.</summary>
    public DataFrameReader Option(string key, bool value) => Option(key, value ? "true" : "false");

    /// <summary>Sets a numeric source option.</summary>
    public DataFrameReader Option(string key, long value) => Option(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Sets several source options.</summary>
    public DataFrameReader Options(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach ((string key, string value) in options)
        {
            _options[key] = value;
        }

        return this;
    }

    /// <summary>Loads the given paths in the set format.</summary>
    public DataFrame Load(params string[] paths)
    {
        var source = new Proto.Read.Types.DataSource();
        if (_format is not null)
        {
            source.Format = _format;
        }

        if (_schema is not null)
        {
            source.Schema = _schema;
        }

        source.Options.Add(_options);
        source.Paths.AddRange(paths);
        return _session.NewDataFrame(new Proto.Relation { Read = new Proto.Read { DataSource = source } });
    }

    /// <summary>Reads Parquet files or folders.</summary>
    public DataFrame Parquet(params string[] paths) => Format("parquet").Load(paths);

    /// <summary>Reads CSV files or folders.</summary>
    public DataFrame Csv(params string[] paths) => Format("csv").Load(paths);

    /// <summary>Reads JSON-lines files or folders.</summary>
    public DataFrame Json(params string[] paths) => Format("json").Load(paths);

    /// <summary>Reads ORC files or folders.</summary>
    public DataFrame Orc(params string[] paths) => Format("orc").Load(paths);

    /// <summary>Reads text files, one row per line in a <c>value</c> column.</summary>
    public DataFrame Text(params string[] paths) => Format("text").Load(paths);

    /// <summary>Reads a table or view.</summary>
    public DataFrame Table(string name)
    {
        var table = new Proto.Read.Types.NamedTable { UnparsedIdentifier = name };
        table.Options.Add(_options);
        return _session.NewDataFrame(new Proto.Relation { Read = new Proto.Read { NamedTable = table } });
    }
}
