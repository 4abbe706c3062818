using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Array, map and vector functions.</summary>
public static partial class Functions
{
    private static long s_lambdaVariables;

    /// <summary>An array of the arguments.</summary>
    public static Column Array(params Column[] columns) => Fn("array", columns);

    /// <summary>A map from alternating keys and values.</summary>
    public static Column CreateMap(params Column[] keysAndValues) => Fn("map", keysAndValues);

    /// <summary>A map from an array of keys and an array of values.</summary>
    public static Column MapFromArrays(Column keys, Column values) => Fn("map_from_arrays", keys, values);

    /// <summary>A map from an array of (key, value) structs.</summary>
    public static Column MapFromEntries(Column entries) => Fn("map_from_entries", entries);

    /// <summary>The keys of a map.</summary>
    public static Column MapKeys(Column map) => Fn("map_keys", map);

    /// <summary>The values of a map.</summary>
    public static Column MapValues(Column map) => Fn("map_values", map);

    /// <summary>The number of elements of an array or map.</summary>
    public static Column Size(Column column) => Fn("size", column);

    /// <summary>True where the array contains the value.</summary>
    public static Column ArrayContains(Column array, object value) => Fn("array_contains", array, value);

    /// <summary>The array without duplicates.</summary>
    public static Column ArrayDistinct(Column array) => Fn("array_distinct", array);

    /// <summary>The array's elements joined with a delimiter.</summary>
    public static Column ArrayJoin(Column array, string delimiter) => Fn("array_join", array, delimiter);

    /// <summary>The largest element.</summary>
    public static Column ArrayMax(Column array) => Fn("array_max", array);

    /// <summary>The smallest element.</summary>
    public static Column ArrayMin(Column array) => Fn("array_min", array);

    /// <summary>The 1-based position of a value, or 0.</summary>
    public static Column ArrayPosition(Column array, object value) => Fn("array_position", array, value);

    /// <summary>The array without the given value.</summary>
    public static Column ArrayRemove(Column array, object value) => Fn("array_remove", array, value);

    /// <summary>The array sorted ascending, nulls last.</summary>
    public static Column ArraySort(Column array) => Fn("array_sort", array);

    /// <summary>The array sorted, ascending or descending.</summary>
    public static Column SortArray(Column array, bool ascending = true) => Fn("sort_array", array, ascending);

    /// <summary>The union of two arrays without duplicates.</summary>
    public static Column ArrayUnion(Column left, Column right) => Fn("array_union", left, right);

    /// <summary>The elements in both arrays.</summary>
    public static Column ArrayIntersect(Column left, Column right) => Fn("array_intersect", left, right);

    /// <summary>The elements of the first array not in the second.</summary>
    public static Column ArrayExcept(Column left, Column right) => Fn("array_except", left, right);

    /// <summary>An array of structs pairing the arrays' elements.</summary>
    public static Column ArraysZip(params Column[] arrays) => Fn("arrays_zip", arrays);

    /// <summary>The element at a 1-based index of an array, or the value of a map key.</summary>
    public static Column ElementAt(Column column, object indexOrKey) => Fn("element_at", column, indexOrKey);

    /// <summary>A slice of an array from a 1-based start.</summary>
    public static Column Slice(Column array, int start, int length) => Fn("slice", array, start, length);

    /// <summary>A slice of an array from a 1-based start, with a length computed per row.</summary>
    public static Column Slice(Column array, int start, Column length) => Fn("slice", array, start, length);

    /// <summary>An array of arrays flattened one level.</summary>
    public static Column Flatten(Column array) => Fn("flatten", array);

    /// <summary>The integers from start to stop.</summary>
    public static Column Sequence(Column start, Column stop) => Fn("sequence", start, stop);

    /// <summary>One row per element of an array or entry of a map; rows with empty or null collections vanish.</summary>
    public static Column Explode(Column column) => Fn("explode", column);

    /// <summary>One row per element, keeping rows with empty or null collections (with null).</summary>
    public static Column ExplodeOuter(Column column) => Fn("explode_outer", column);

    /// <summary>One row per element with its position.</summary>
    public static Column PosExplode(Column column) => Fn("posexplode", column);

    /// <summary>An MLlib vector column converted to an array of doubles.</summary>
    public static Column VectorToArray(Column vector) => Fn("vector_to_array", vector, "float64");

    /// <summary>An array of numbers converted to an MLlib dense vector.</summary>
    public static Column ArrayToVector(Column array) => Fn("array_to_vector", array);

    /// <summary>The array with a function applied to each element.</summary>
    public static Column Transform(Column array, Func<Column, Column> function) => HigherOrder("transform", array, function);

    /// <summary>The elements for which a predicate holds.</summary>
    public static Column Filter(Column array, Func<Column, Column> predicate) => HigherOrder("filter", array, predicate);

    /// <summary>True where a predicate holds for some element.</summary>
    public static Column Exists(Column array, Func<Column, Column> predicate) => HigherOrder("exists", array, predicate);

    /// <summary>True where a predicate holds for every element.</summary>
    public static Column ForAll(Column array, Func<Column, Column> predicate) => HigherOrder("forall", array, predicate);

    private static Column HigherOrder(string name, Column array, Func<Column, Column> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var variable = new Proto.Expression.Types.UnresolvedNamedLambdaVariable();
        variable.NameParts.Add($"x_{Interlocked.Increment(ref s_lambdaVariables)}");
        Column body = function(new Column(new Proto.Expression { UnresolvedNamedLambdaVariable = variable }));
        var lambda = new Proto.Expression.Types.LambdaFunction { Function = body.Expression };
        lambda.Arguments.Add(variable);
        return new Column(Plans.ExpressionBuilder.Function(name, array.Expression, new Proto.Expression { LambdaFunction = lambda }));
    }
}
