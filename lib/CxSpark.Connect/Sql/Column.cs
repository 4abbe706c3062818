using CxSpark.Connect.Plans;
using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>A column expression: a column reference, a literal, or a function of other columns.</summary>
/// <remarks>
/// Columns are unevaluated expressions that Spark resolves against a <see cref="DataFrame"/>. The C# operators
/// build expressions: <c>a == b</c> is a <see cref="Column"/> comparing two columns in Spark, not a C# boolean;
/// use <see cref="Equals(object)"/> to compare two expressions themselves.
/// </remarks>
public sealed partial class Column
{
    internal Column(Proto.Expression expression) => Expression = expression;

    internal Proto.Expression Expression { get; }

    /// <summary>Gives the column a name (<c>AS name</c>).</summary>
    public Column Alias(string name) => new(ExpressionBuilder.Alias(Expression, name));

    /// <summary>Gives the column a name; the same as <see cref="Alias"/>.</summary>
    public Column As(string name) => Alias(name);

    /// <summary>Gives the column a name; the same as <see cref="Alias"/>.</summary>
    public Column Name(string name) => Alias(name);

    /// <summary>Converts the column to another type (Spark's <c>CAST</c>).</summary>
    /// <remarks>Under ANSI mode (Spark 4's default) an impossible conversion fails the query; see <see cref="TryCast(string)"/>.</remarks>
    public Column Cast(DataType type) => new(ExpressionBuilder.Cast(Expression, type));

    /// <summary>Converts the column to a type given by name, such as <c>bigint</c> or <c>decimal(10,2)</c>.</summary>
    public Column Cast(string typeName) => new(ExpressionBuilder.Cast(Expression, typeName));

    /// <summary>Converts the column to another type, giving null where the value cannot be converted.</summary>
    public Column TryCast(string typeName) => new(ExpressionBuilder.Cast(Expression, typeName, tryCast: true));

    /// <summary>Converts the column to another type, giving null where the value cannot be converted.</summary>
    public Column TryCast(DataType type) => new(ExpressionBuilder.Cast(Expression, type, tryCast: true));

    /// <summary>Sorts ascending, nulls first.</summary>
    public Column Asc() => Sort(true, true);

    /// <summary>Sorts ascending, nulls first.</summary>
    public Column AscNullsFirst() => Sort(true, true);

    /// <summary>Sorts ascending, nulls last.</summary>
    public Column AscNullsLast() => Sort(true, false);

    /// <summary>Sorts descending, nulls last.</summary>
    public Column Desc() => Sort(false, false);

    /// <summary>Sorts descending, nulls first.</summary>
    public Column DescNullsFirst() => Sort(false, true);

    /// <summary>Sorts descending, nulls last.</summary>
    public Column DescNullsLast() => Sort(false, false);

    /// <summary>Evaluates a window or aggregate function over a window.</summary>
    public Column Over(WindowSpec window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new Column(window.Apply(Expression));
    }

    /// <summary>Evaluates a window or aggregate function over the whole input as one window.</summary>
    public Column Over() => Over(Window.PartitionBy());

    /// <summary>Adds a branch to a <see cref="Functions.When"/> chain.</summary>
    /// <exception cref="InvalidOperationException">The column is not a <c>When</c> chain, or it already has <c>Otherwise</c>.</exception>
    public Column When(Column condition, object? value)
    {
        ArgumentNullException.ThrowIfNull(condition);
        RequireOpenWhen();
        Proto.Expression copy = Expression.Clone();
        copy.UnresolvedFunction.Arguments.Add(condition.Expression.Clone());
        copy.UnresolvedFunction.Arguments.Add(Functions.ToExpression(value));
        return new Column(copy);
    }

    /// <summary>Sets the value of a <see cref="Functions.When"/> chain where no condition holds (null otherwise).</summary>
    /// <exception cref="InvalidOperationException">The column is not a <c>When</c> chain, or it already has <c>Otherwise</c>.</exception>
    public Column Otherwise(object? value)
    {
        RequireOpenWhen();
        Proto.Expression copy = Expression.Clone();
        copy.UnresolvedFunction.Arguments.Add(Functions.ToExpression(value));
        return new Column(copy);
    }

    /// <summary>Gets an element of an array (by position) or a map (by key).</summary>
    public Column GetItem(object key) => new(ExpressionBuilder.ExtractValue(Expression, Functions.ToExpression(key)));

    /// <summary>Gets a field of a struct.</summary>
    public Column GetField(string name) => new(ExpressionBuilder.ExtractValue(Expression, ExpressionBuilder.Literal(name)));

    /// <summary>Gets an element of an array or map, or a struct field; the same as <see cref="GetItem"/>.</summary>
    public Column this[object key] => GetItem(key);

    /// <summary>Returns whether two columns are the same expression (not a Spark comparison; see <c>==</c>).</summary>
    public override bool Equals(object? obj) => obj is Column other && other.Expression.Equals(Expression);

    /// <inheritdoc/>
    public override int GetHashCode() => Expression.GetHashCode();

    /// <summary>Returns a readable form of the expression.</summary>
    public override string ToString() => ExpressionPrinter.Print(Expression);

    private Column Sort(bool ascending, bool nullsFirst) =>
        new(new Proto.Expression { SortOrder = ExpressionBuilder.SortOrder(Expression, ascending, nullsFirst) });

    private void RequireOpenWhen()
    {
        if (Expression.UnresolvedFunction is { FunctionName: "when" } when && when.Arguments.Count % 2 == 0)
        {
            return;
        }

        throw new InvalidOperationException("When/Otherwise can only follow Functions.When(...) or another When(...).");
    }
}
