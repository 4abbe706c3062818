using CxSpark.Connect.Plans;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Transformations: each returns a new lazy <see cref="DataFrame"/>.</summary>
public sealed partial class DataFrame
{
    /// <summary>Selects columns or expressions.</summary>
    public DataFrame Select(params Column[] columns) => Derive(r =>
    {
        r.Project = new Proto.Project { Input = Relation };
        r.Project.Expressions.AddRange(Column.Expressions(columns));
        return r;
    });

    /// <summary>Selects the named columns.</summary>
    public DataFrame Select(string column, params string[] columns) => Select(Functions.Cols(column, columns));

    /// <summary>Selects SQL expressions, such as <c>"price * quantity AS revenue"</c>.</summary>
    public DataFrame SelectExpr(params string[] expressions) => Select(expressions.Select(Functions.Expr).ToArray());

    /// <summary>Keeps the rows for which the condition is true (null counts as false).</summary>
    public DataFrame Filter(Column condition) => Derive(r =>
    {
        r.Filter = new Proto.Filter { Input = Relation, Condition = condition.Expression };
        return r;
    });

    /// <summary>Keeps the rows for which the SQL condition is true.</summary>
    public DataFrame Filter(string condition) => Filter(Functions.Expr(condition));

    /// <summary>Keeps the rows for which the condition is true; the same as <see cref="Filter(Column)"/>.</summary>
    public DataFrame Where(Column condition) => Filter(condition);

    /// <summary>Keeps the rows for which the SQL condition is true.</summary>
    public DataFrame Where(string condition) => Filter(condition);

    /// <summary>Adds a column, or replaces the column of that name.</summary>
    public DataFrame WithColumn(string name, Column column) => WithColumns(new Dictionary<string, Column> { [name] = column });

    /// <summary>Adds or replaces several columns at once.</summary>
    public DataFrame WithColumns(IReadOnlyDictionary<string, Column> columns) => Derive(r =>
    {
        r.WithColumns = new Proto.WithColumns { Input = Relation };
        r.WithColumns.Aliases.AddRange(columns.Select(kv => ExpressionBuilder.Alias(kv.Value.Expression, kv.Key).Alias));
        return r;
    });

    /// <summary>Renames a column; a missing column is ignored, as in Spark.</summary>
    public DataFrame WithColumnRenamed(string existing, string newName) =>
        WithColumnsRenamed(new Dictionary<string, string> { [existing] = newName });

    /// <summary>Renames several columns.</summary>
    public DataFrame WithColumnsRenamed(IReadOnlyDictionary<string, string> renames) => Derive(r =>
    {
        r.WithColumnsRenamed = new Proto.WithColumnsRenamed { Input = Relation };
        r.WithColumnsRenamed.Renames.AddRange(renames.Select(kv =>
            new Proto.WithColumnsRenamed.Types.Rename { ColName = kv.Key, NewColName = kv.Value }));
        return r;
    });

    /// <summary>Drops the named columns; missing names are ignored.</summary>
    public DataFrame Drop(params string[] columns) => Derive(r =>
    {
        r.Drop = new Proto.Drop { Input = Relation };
        r.Drop.ColumnNames.AddRange(columns);
        return r;
    });

    /// <summary>Drops the given columns.</summary>
    public DataFrame Drop(params Column[] columns) => Derive(r =>
    {
        r.Drop = new Proto.Drop { Input = Relation };
        r.Drop.Columns.AddRange(Column.Expressions(columns));
        return r;
    });

    /// <summary>Renames all columns, in order.</summary>
    public DataFrame ToDF(params string[] columnNames) => Derive(r =>
    {
        r.ToDf = new Proto.ToDF { Input = Relation };
        r.ToDf.ColumnNames.AddRange(columnNames);
        return r;
    });

    /// <summary>Removes duplicate rows.</summary>
    public DataFrame Distinct() => DropDuplicates();

    /// <summary>Removes rows that repeat the given columns (all columns when none are given), keeping one of each.</summary>
    public DataFrame DropDuplicates(params string[] columns) => Derive(r =>
    {
        r.Deduplicate = new Proto.Deduplicate { Input = Relation, AllColumnsAsKeys = columns.Length == 0 };
        r.Deduplicate.ColumnNames.AddRange(columns);
        return r;
    });

    /// <summary>Sorts the whole frame by the given columns (ascending unless a column says otherwise).</summary>
    public DataFrame OrderBy(params Column[] columns) => SortBy(columns, isGlobal: true);

    /// <summary>Sorts the whole frame by the named columns, ascending.</summary>
    public DataFrame OrderBy(string column, params string[] columns) => OrderBy(Functions.Cols(column, columns));

    /// <summary>Sorts the whole frame; the same as <see cref="OrderBy(Column[])"/>.</summary>
    public DataFrame Sort(params Column[] columns) => OrderBy(columns);

    /// <summary>Sorts the whole frame by the named columns, ascending.</summary>
    public DataFrame Sort(string column, params string[] columns) => OrderBy(column, columns);

    /// <summary>Sorts each partition, without a shuffle.</summary>
    public DataFrame SortWithinPartitions(params Column[] columns) => SortBy(columns, isGlobal: false);

    /// <summary>Keeps the first <paramref name="n"/> rows.</summary>
    public DataFrame Limit(int n) => Derive(r =>
    {
        r.Limit = new Proto.Limit { Input = Relation, Limit_ = n };
        return r;
    });

    /// <summary>Skips the first <paramref name="n"/> rows.</summary>
    public DataFrame Offset(int n) => Derive(r =>
    {
        r.Offset = new Proto.Offset { Input = Relation, Offset_ = n };
        return r;
    });

    /// <summary>Keeps a random fraction of the rows (Bernoulli sampling, or Poisson with replacement).</summary>
    public DataFrame Sample(double fraction, bool withReplacement = false, long? seed = null) =>
        SampleRange(0, fraction, withReplacement, seed ?? Random.Shared.NextInt64(), deterministicOrder: false);

    /// <summary>Splits the rows randomly by the given weights, as Spark's <c>randomSplit</c>.</summary>
    /// <remarks>The parts are disjoint and cover every row when the input is deterministic; the same seed gives Spark's own split.</remarks>
    public DataFrame[] RandomSplit(double[] weights, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length < 2 || weights.Any(w => w < 0) || weights.Sum() <= 0)
        {
            throw new ArgumentException("RandomSplit needs two or more non-negative weights with a positive sum.", nameof(weights));
        }

        long actualSeed = seed ?? Random.Shared.NextInt64();
        double total = weights.Sum();
        var parts = new DataFrame[weights.Length];
        double lower = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            double upper = i == weights.Length - 1 ? 1.0 : lower + (weights[i] / total);
            parts[i] = SampleRange(lower, upper, false, actualSeed, deterministicOrder: true);
            lower = upper;
        }

        return parts;
    }

    /// <summary>Redistributes the rows into <paramref name="numPartitions"/> partitions (a full shuffle).</summary>
    public DataFrame Repartition(int numPartitions) => Derive(r =>
    {
        r.Repartition = new Proto.Repartition { Input = Relation, NumPartitions = numPartitions, Shuffle = true };
        return r;
    });

    /// <summary>Redistributes the rows by hash of the given columns.</summary>
    public DataFrame Repartition(int? numPartitions, params Column[] columns) => RepartitionBy(numPartitions, Column.Expressions(columns));

    /// <summary>Redistributes the rows by ranges of the given columns (sorted partitions).</summary>
    public DataFrame RepartitionByRange(int? numPartitions, params Column[] columns) =>
        RepartitionBy(numPartitions, columns.Select(c => new Proto.Expression { SortOrder = ExpressionBuilder.SortOrder(c.Expression, ascending: true) }));

    /// <summary>Reduces the number of partitions without a shuffle.</summary>
    public DataFrame Coalesce(int numPartitions) => Derive(r =>
    {
        r.Repartition = new Proto.Repartition { Input = Relation, NumPartitions = numPartitions, Shuffle = false };
        return r;
    });

    /// <summary>Names the frame, so that its columns can be referred to as <c>alias.column</c>.</summary>
    public DataFrame Alias(string alias) => Derive(r =>
    {
        r.SubqueryAlias = new Proto.SubqueryAlias { Input = Relation, Alias = alias };
        return r;
    });

    /// <summary>Gives Spark a hint, such as <c>broadcast</c>, <c>merge</c> or <c>repartition</c>.</summary>
    public DataFrame Hint(string name, params object[] parameters) => Derive(r =>
    {
        r.Hint = new Proto.Hint { Input = Relation, Name = name };
        r.Hint.Parameters.AddRange(parameters.Select(Functions.ToExpression));
        return r;
    });

    /// <summary>The rows of both frames, matched by position (<c>UNION ALL</c>; duplicates kept).</summary>
    public DataFrame Union(DataFrame other) => SetOp(other, Proto.SetOperation.Types.SetOpType.Union, isAll: true);

    /// <summary>The rows of both frames, matched by position; the same as <see cref="Union"/>.</summary>
    public DataFrame UnionAll(DataFrame other) => Union(other);

    /// <summary>The rows of both frames, matched by column name.</summary>
    public DataFrame UnionByName(DataFrame other, bool allowMissingColumns = false) =>
        SetOp(other, Proto.SetOperation.Types.SetOpType.Union, isAll: true, byName: true, allowMissing: allowMissingColumns);

    /// <summary>The distinct rows present in both frames.</summary>
    public DataFrame Intersect(DataFrame other) => SetOp(other, Proto.SetOperation.Types.SetOpType.Intersect, isAll: false);

    /// <summary>The rows present in both frames, with duplicates.</summary>
    public DataFrame IntersectAll(DataFrame other) => SetOp(other, Proto.SetOperation.Types.SetOpType.Intersect, isAll: true);

    /// <summary>The distinct rows of this frame not in the other.</summary>
    public DataFrame Except(DataFrame other) => SetOp(other, Proto.SetOperation.Types.SetOpType.Except, isAll: false);

    /// <summary>The rows of this frame not in the other, with duplicates.</summary>
    public DataFrame ExceptAll(DataFrame other) => SetOp(other, Proto.SetOperation.Types.SetOpType.Except, isAll: true);

    /// <summary>Basic statistics (count, mean, stddev, min, max) of the given columns, or of all numeric and string columns.</summary>
    public DataFrame Describe(params string[] columns) => Derive(r =>
    {
        r.Describe = new Proto.StatDescribe { Input = Relation };
        r.Describe.Cols.AddRange(columns);
        return r;
    });

    /// <summary>The given statistics (<c>count</c>, <c>mean</c>, <c>stddev</c>, <c>min</c>, <c>25%</c>…) of all columns.</summary>
    public DataFrame Summary(params string[] statistics) => Derive(r =>
    {
        r.Summary = new Proto.StatSummary { Input = Relation };
        r.Summary.Statistics.AddRange(statistics);
        return r;
    });

    /// <summary>Functions for missing values.</summary>
    public DataFrameNaFunctions Na() => new(this);

    private DataFrame SortBy(Column[] columns, bool isGlobal) => Derive(r =>
    {
        r.Sort = new Proto.Sort { Input = Relation, IsGlobal = isGlobal };
        r.Sort.Order.AddRange(columns.Select(c => ExpressionBuilder.SortOrder(c.Expression, ascending: true)));
        return r;
    });

    private DataFrame SampleRange(double lower, double upper, bool withReplacement, long seed, bool deterministicOrder) => Derive(r =>
    {
        r.Sample = new Proto.Sample
        {
            Input = Relation,
            LowerBound = lower,
            UpperBound = upper,
            WithReplacement = withReplacement,
            Seed = seed,
            DeterministicOrder = deterministicOrder,
        };
        return r;
    });

    private DataFrame RepartitionBy(int? numPartitions, IEnumerable<Proto.Expression> expressions) => Derive(r =>
    {
        r.RepartitionByExpression = new Proto.RepartitionByExpression { Input = Relation };
        r.RepartitionByExpression.PartitionExprs.AddRange(expressions);
        if (numPartitions is { } n)
        {
            r.RepartitionByExpression.NumPartitions = n;
        }

        return r;
    });

    private DataFrame SetOp(DataFrame other, Proto.SetOperation.Types.SetOpType type, bool isAll, bool byName = false, bool allowMissing = false)
    {
        RequireSameSession(other);
        return Derive(r =>
        {
            r.SetOp = new Proto.SetOperation
            {
                LeftInput = Relation,
                RightInput = other.Relation,
                SetOpType = type,
                IsAll = isAll,
                ByName = byName,
                AllowMissingColumns = allowMissing,
            };
            return r;
        });
    }
}
