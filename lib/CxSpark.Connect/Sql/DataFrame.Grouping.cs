using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Groupings for aggregation.</summary>
public sealed partial class DataFrame
{
    /// <summary>Groups by the given columns for aggregation.</summary>
    public RelationalGroupedDataset GroupBy(params Column[] columns) => new(this, Proto.Aggregate.Types.GroupType.Groupby, columns);

    /// <summary>Groups by the named columns for aggregation.</summary>
    public RelationalGroupedDataset GroupBy(string column, params string[] columns) => GroupBy(Functions.Cols(column, columns));

    /// <summary>Groups by every prefix of the given columns (subtotals and a grand total).</summary>
    public RelationalGroupedDataset Rollup(params Column[] columns) => new(this, Proto.Aggregate.Types.GroupType.Rollup, columns);

    /// <summary>Groups by every combination of the given columns.</summary>
    public RelationalGroupedDataset Cube(params Column[] columns) => new(this, Proto.Aggregate.Types.GroupType.Cube, columns);

    /// <summary>Aggregates the whole frame as one group.</summary>
    public DataFrame Agg(params Column[] aggregates) => GroupBy().Agg(aggregates);
}
