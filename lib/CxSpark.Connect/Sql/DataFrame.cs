using CxSpark.Connect.Plans;
using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>A distributed collection of rows with a schema, evaluated lazily by Spark.</summary>
/// <remarks>
/// A <see cref="DataFrame"/> is an immutable logical plan bound to its <see cref="SparkSession"/>:
/// transformations (<see cref="Select(Column[])"/>, <see cref="Filter(Column)"/>, <see cref="Join(DataFrame, string[], string)"/>, …)
/// build a new plan and contact no server; actions (<see cref="CountAsync"/>, <see cref="CollectAsync"/>,
/// <see cref="Write"/>…) run it. Frames from two sessions cannot be combined.
/// </remarks>
/// <example>
/// <code>
/// DataFrame orders = spark.Read().Parquet("s3a://lake/orders");
/// long big = await orders.Filter(Functions.Col("amount") &gt; 100).CountAsync();
/// </code>
/// </example>
public sealed partial class DataFrame
{
    internal DataFrame(SparkSession session, Proto.Relation relation)
    {
        Session = session;
        Relation = relation;
    }

    /// <summary>Gets the session this frame belongs to.</summary>
    public SparkSession Session { get; }

    internal Proto.Relation Relation { get; }

    internal long PlanId => Relation.Common.PlanId;

    /// <summary>A reference to a column of this frame, resolved against this frame even after joins.</summary>
    public Column this[string column] => Col(column);

    /// <summary>A reference to a column of this frame, resolved against this frame even after joins.</summary>
    public Column Col(string column) => new(ExpressionBuilder.Attribute(column, PlanId));

    /// <summary>Fetches the schema from the server without running the query.</summary>
    public async Task<StructType> SchemaAsync(CancellationToken cancellationToken = default)
    {
        Proto.AnalyzePlanResponse response = await Session.AnalyzeAsync(
            new Proto.AnalyzePlanRequest { Schema = new() { Plan = Plan() } }, cancellationToken).ConfigureAwait(false);
        return (StructType)DataTypeConverter.FromProto(response.Schema.Schema_);
    }

    /// <summary>Fetches the column names.</summary>
    public async Task<IReadOnlyList<string>> ColumnsAsync(CancellationToken cancellationToken = default) =>
        (await SchemaAsync(cancellationToken).ConfigureAwait(false)).FieldNames;

    /// <summary>Returns Spark's explanation of the plan.</summary>
    /// <param name="mode"><c>simple</c>, <c>extended</c>, <c>codegen</c>, <c>cost</c> or <c>formatted</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<string> ExplainAsync(string mode = "simple", CancellationToken cancellationToken = default)
    {
        Proto.AnalyzePlanRequest.Types.Explain.Types.ExplainMode explainMode = mode.ToLowerInvariant() switch
        {
            "simple" => Proto.AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Simple,
            "extended" => Proto.AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Extended,
            "codegen" => Proto.AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Codegen,
            "cost" => Proto.AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Cost,
            "formatted" => Proto.AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Formatted,
            _ => throw new ArgumentException($"Explain mode '{mode}' is not one of simple, extended, codegen, cost, formatted.", nameof(mode)),
        };
        Proto.AnalyzePlanResponse response = await Session.AnalyzeAsync(
            new Proto.AnalyzePlanRequest { Explain = new() { Plan = Plan(), ExplainMode = explainMode } }, cancellationToken).ConfigureAwait(false);
        return response.Explain.ExplainString;
    }

    /// <summary>Returns the schema as Spark's tree string (<c>printSchema</c>).</summary>
    public async Task<string> TreeStringAsync(int? level = null, CancellationToken cancellationToken = default)
    {
        var request = new Proto.AnalyzePlanRequest.Types.TreeString { Plan = Plan() };
        if (level is { } l)
        {
            request.Level = l;
        }

        Proto.AnalyzePlanResponse response = await Session.AnalyzeAsync(
            new Proto.AnalyzePlanRequest { TreeString = request }, cancellationToken).ConfigureAwait(false);
        return response.TreeString.TreeString_;
    }

    /// <summary>Applies a function to this frame; for chaining named transformations.</summary>
    public DataFrame Transform(Func<DataFrame, DataFrame> transformation)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        return transformation(this);
    }

    /// <summary>Returns a readable summary of the plan's root.</summary>
    public override string ToString() => $"DataFrame[{Relation.RelTypeCase} #{PlanId}]";

    internal Proto.Plan Plan() => new() { Root = Relation };

    internal DataFrame Derive(Func<Proto.Relation, Proto.Relation> build) => Session.NewDataFrame(build(new Proto.Relation()));

    internal void RequireSameSession(DataFrame other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other.Session, Session))
        {
            throw new ArgumentException("DataFrames from two different SparkSessions cannot be combined.", nameof(other));
        }
    }
}
