namespace CxSpark.Connect.Sql;

/// <summary>Aggregate functions.</summary>
public static partial class Functions
{
    /// <summary>The number of non-null values (<c>Count(Lit(1))</c> counts rows).</summary>
    public static Column Count(Column column) => Fn("count", column);

    /// <summary>The number of non-null values of the named column (<c>"*"</c> counts rows).</summary>
    public static Column Count(string column) => column == "*" ? Fn("count", Lit(1)) : Count(Col(column));

    /// <summary>The number of distinct non-null combinations of the arguments.</summary>
    public static Column CountDistinct(params Column[] columns) => Distinct("count", columns);

    /// <summary>An approximate number of distinct values (HyperLogLog++).</summary>
    public static Column ApproxCountDistinct(Column column, double relativeSd = 0.05) => Fn("approx_count_distinct", column, relativeSd);

    /// <summary>The number of rows where the condition is true.</summary>
    public static Column CountIf(Column condition) => Fn("count_if", condition);

    /// <summary>The sum of the values.</summary>
    public static Column Sum(Column column) => Fn("sum", column);

    /// <summary>The sum of the named column.</summary>
    public static Column Sum(string column) => Sum(Col(column));

    /// <summary>The sum of the distinct values.</summary>
    public static Column SumDistinct(Column column) => Distinct("sum", column);

    /// <summary>The mean of the values.</summary>
    public static Column Avg(Column column) => Fn("avg", column);

    /// <summary>The mean of the named column.</summary>
    public static Column Avg(string column) => Avg(Col(column));

    /// <summary>The mean of the values; the same as <see cref="Avg(Column)"/>.</summary>
    public static Column Mean(Column column) => Fn("mean", column);

    /// <summary>The smallest value.</summary>
    public static Column Min(Column column) => Fn("min", column);

    /// <summary>The smallest value of the named column.</summary>
    public static Column Min(string column) => Min(Col(column));

    /// <summary>The largest value.</summary>
    public static Column Max(Column column) => Fn("max", column);

    /// <summary>The largest value of the named column.</summary>
    public static Column Max(string column) => Max(Col(column));

    /// <summary>The value of <paramref name="column"/> in the row with the largest <paramref name="ordering"/>.</summary>
    public static Column MaxBy(Column column, Column ordering) => Fn("max_by", column, ordering);

    /// <summary>The value of <paramref name="column"/> in the row with the smallest <paramref name="ordering"/>.</summary>
    public static Column MinBy(Column column, Column ordering) => Fn("min_by", column, ordering);

    /// <summary>The first value in the group (order not guaranteed without a sort).</summary>
    public static Column First(Column column, bool ignoreNulls = false) => Fn("first", column, ignoreNulls);

    /// <summary>The last value in the group (order not guaranteed without a sort).</summary>
    public static Column Last(Column column, bool ignoreNulls = false) => Fn("last", column, ignoreNulls);

    /// <summary>Some value of the group.</summary>
    public static Column AnyValue(Column column) => Fn("any_value", column);

    /// <summary>The values of the group as an array, with duplicates.</summary>
    public static Column CollectList(Column column) => Fn("collect_list", column);

    /// <summary>The distinct values of the group as an array.</summary>
    public static Column CollectSet(Column column) => Fn("collect_set", column);

    /// <summary>The sample standard deviation.</summary>
    public static Column Stddev(Column column) => Fn("stddev", column);

    /// <summary>The sample standard deviation.</summary>
    public static Column StddevSamp(Column column) => Fn("stddev_samp", column);

    /// <summary>The population standard deviation.</summary>
    public static Column StddevPop(Column column) => Fn("stddev_pop", column);

    /// <summary>The sample variance.</summary>
    public static Column Variance(Column column) => Fn("variance", column);

    /// <summary>The sample variance.</summary>
    public static Column VarSamp(Column column) => Fn("var_samp", column);

    /// <summary>The population variance.</summary>
    public static Column VarPop(Column column) => Fn("var_pop", column);

    /// <summary>The skewness.</summary>
    public static Column Skewness(Column column) => Fn("skewness", column);

    /// <summary>The excess kurtosis.</summary>
    public static Column Kurtosis(Column column) => Fn("kurtosis", column);

    /// <summary>The Pearson correlation of two columns.</summary>
    public static Column Corr(Column x, Column y) => Fn("corr", x, y);

    /// <summary>The population covariance of two columns.</summary>
    public static Column CovarPop(Column x, Column y) => Fn("covar_pop", x, y);

    /// <summary>The sample covariance of two columns.</summary>
    public static Column CovarSamp(Column x, Column y) => Fn("covar_samp", x, y);

    /// <summary>The exact percentile (0 to 1) of a numeric column.</summary>
    public static Column Percentile(Column column, double percentage) => Fn("percentile", column, percentage);

    /// <summary>The exact percentiles of a numeric column, as an array.</summary>
    public static Column Percentile(Column column, double[] percentages) => Fn("percentile", column, percentages);

    /// <summary>An approximate percentile (0 to 1).</summary>
    public static Column PercentileApprox(Column column, double percentage, int accuracy = 10000) =>
        Fn("percentile_approx", column, percentage, accuracy);

    /// <summary>The median.</summary>
    public static Column Median(Column column) => Fn("median", column);

    /// <summary>The most frequent value.</summary>
    public static Column Mode(Column column) => Fn("mode", column);

    /// <summary>True when the condition holds for every row.</summary>
    public static Column BoolAnd(Column condition) => Fn("bool_and", condition);

    /// <summary>True when the condition holds for some row.</summary>
    public static Column BoolOr(Column condition) => Fn("bool_or", condition);

    /// <summary>1 where a rollup or cube row aggregates over the column, else 0.</summary>
    public static Column Grouping(Column column) => Fn("grouping", column);
}
