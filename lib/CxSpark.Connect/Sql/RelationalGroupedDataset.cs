using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>A grouping of a <see cref="DataFrame"/>, waiting for its aggregates.</summary>
public sealed class RelationalGroupedDataset
{
    private readonly DataFrame _input;
    private readonly Proto.Aggregate.Types.GroupType _type;
    private readonly Column[] _groupings;
    private readonly Proto.Aggregate.Types.Pivot? _pivot;

    internal RelationalGroupedDataset(DataFrame input, Proto.Aggregate.Types.GroupType type, Column[] groupings, Proto.Aggregate.Types.Pivot? pivot = null)
    {
        _input = input;
        _type = type;
        _groupings = groupings;
        _pivot = pivot;
    }

    /// <summary>Computes the given aggregates per group; the result has the grouping columns, then the aggregates.</summary>
    public DataFrame Agg(params Column[] aggregates) => _input.Derive(r =>
    {
        r.Aggregate = new Proto.Aggregate { Input = _input.Relation, GroupType = _type };
        r.Aggregate.GroupingExpressions.AddRange(Column.Expressions(_groupings));
        r.Aggregate.AggregateExpressions.AddRange(Column.Expressions(aggregates));
        if (_pivot is not null)
        {
            r.Aggregate.Pivot = _pivot;
        }

        return r;
    });

    /// <summary>Counts the rows per group, in a column named <c>count</c>.</summary>
    public DataFrame Count() => Agg(Functions.Count(Functions.Lit(1)).Alias("count"));

    /// <summary>Sums the named columns per group.</summary>
    public DataFrame Sum(params string[] columns) => Agg(columns.Select(c => Functions.Sum(c)).ToArray());

    /// <summary>Averages the named columns per group.</summary>
    public DataFrame Avg(params string[] columns) => Agg(columns.Select(c => Functions.Avg(c)).ToArray());

    /// <summary>Averages the named columns per group; the same as <see cref="Avg"/>.</summary>
    public DataFrame Mean(params string[] columns) => Avg(columns);

    /// <summary>The smallest value of the named columns per group.</summary>
    public DataFrame Min(params string[] columns) => Agg(columns.Select(c => Functions.Min(c)).ToArray());

    /// <summary>The largest value of the named columns per group.</summary>
    public DataFrame Max(params string[] columns) => Agg(columns.Select(c => Functions.Max(c)).ToArray());

    /// <summary>Turns the values of a column into columns; with <paramref name="values"/> Spark skips a pass to find them.</summary>
    /// <exception cref="InvalidOperationException">The grouping is not a plain <c>GroupBy</c>.</exception>
    public RelationalGroupedDataset Pivot(string column, params object[] values)
    {
        if (_type != Proto.Aggregate.Types.GroupType.Groupby)
        {
            throw new InvalidOperationException("Pivot follows GroupBy only.");
        }

        var pivot = new Proto.Aggregate.Types.Pivot { Col = Functions.Col(column).Expression };
        pivot.Values.AddRange(values.Select(v => Plans.LiteralConverter.ToLiteral(v)));
        return new RelationalGroupedDataset(_input, Proto.Aggregate.Types.GroupType.Pivot, _groupings, pivot);
    }
}
