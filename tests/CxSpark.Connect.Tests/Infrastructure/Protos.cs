using CxSpark.Connect.Client;
using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Tests.Infrastructure;

/// <summary>Hand-written protocol expressions and sessions for comparing built plans with expected ones.</summary>
internal static class Protos
{
    /// <summary>A session on a fake transport: transformations only build plans, so no server is needed.</summary>
    public static SparkSession NewSession() =>
        new(new SparkConnectClient(SparkConnectOptions.Parse("sc://localhost"), new FakeCallInvoker(), logger: null));

    public static Proto.Expression Attr(string name, long? planId = null)
    {
        var attribute = new Proto.Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name };
        if (planId is { } id)
        {
            attribute.PlanId = id;
        }

        return new Proto.Expression { UnresolvedAttribute = attribute };
    }

    public static Proto.Expression Fn(string name, params Proto.Expression[] arguments)
    {
        var function = new Proto.Expression.Types.UnresolvedFunction { FunctionName = name, IsDistinct = false };
        function.Arguments.AddRange(arguments);
        return new Proto.Expression { UnresolvedFunction = function };
    }

    public static Proto.Expression Int(int value) => new() { Literal = new Proto.Expression.Types.Literal { Integer = value } };

    public static Proto.Expression Str(string value) => new() { Literal = new Proto.Expression.Types.Literal { String = value } };

    public static Proto.Expression Alias(Proto.Expression expression, string name)
    {
        var alias = new Proto.Expression.Types.Alias { Expr = expression };
        alias.Name.Add(name);
        return new Proto.Expression { Alias = alias };
    }

    public static Proto.Expression.Types.SortOrder Sort(Proto.Expression child, bool ascending, bool nullsFirst) => new()
    {
        Child = child,
        Direction = ascending
            ? Proto.Expression.Types.SortOrder.Types.SortDirection.Ascending
            : Proto.Expression.Types.SortOrder.Types.SortDirection.Descending,
        NullOrdering = nullsFirst
            ? Proto.Expression.Types.SortOrder.Types.NullOrdering.SortNullsFirst
            : Proto.Expression.Types.SortOrder.Types.NullOrdering.SortNullsLast,
    };

    public static Proto.RelationCommon Common(long planId) => new() { PlanId = planId };
}
