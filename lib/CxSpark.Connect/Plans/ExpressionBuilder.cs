using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Plans;

/// <summary>Builds protocol expressions.</summary>
internal static class ExpressionBuilder
{
    internal static Proto.Expression Function(string name, params Proto.Expression[] arguments) => Function(name, false, arguments);

    internal static Proto.Expression Function(string name, bool isDistinct, IEnumerable<Proto.Expression> arguments)
    {
        var function = new Proto.Expression.Types.UnresolvedFunction { FunctionName = name, IsDistinct = isDistinct };
        function.Arguments.AddRange(arguments);
        return new Proto.Expression { UnresolvedFunction = function };
    }

    internal static Proto.Expression Attribute(string name, long? planId = null)
    {
        if (name == "*")
        {
            return Star(null, planId);
        }

        if (name.EndsWith(".*", StringComparison.Ordinal))
        {
            return Star(name[..^1], planId);
        }

        var attribute = new Proto.Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name };
        if (planId is { } id)
        {
            attribute.PlanId = id;
        }

        return new Proto.Expression { UnresolvedAttribute = attribute };
    }

    internal static Proto.Expression Star(string? target, long? planId)
    {
        var star = new Proto.Expression.Types.UnresolvedStar();
        if (target is not null)
        {
            star.UnparsedTarget = target;
        }

        if (planId is { } id)
        {
            star.PlanId = id;
        }

        return new Proto.Expression { UnresolvedStar = star };
    }

    internal static Proto.Expression Literal(object? value) => new() { Literal = LiteralConverter.ToLiteral(value) };

    internal static Proto.Expression SqlText(string expression) =>
        new() { ExpressionString = new Proto.Expression.Types.ExpressionString { Expression = expression } };

    internal static Proto.Expression Alias(Proto.Expression expression, string name, string? metadata = null)
    {
        var alias = new Proto.Expression.Types.Alias { Expr = expression };
        alias.Name.Add(name);
        if (metadata is not null)
        {
            alias.Metadata = metadata;
        }

        return new Proto.Expression { Alias = alias };
    }

    internal static Proto.Expression Cast(Proto.Expression expression, DataType type, bool tryCast = false) => new()
    {
        Cast = new Proto.Expression.Types.Cast
        {
            Expr = expression,
            Type = DataTypeConverter.ToProto(type),
            EvalMode = tryCast ? Proto.Expression.Types.Cast.Types.EvalMode.Try : Proto.Expression.Types.Cast.Types.EvalMode.Unspecified,
        },
    };

    internal static Proto.Expression Cast(Proto.Expression expression, string typeName, bool tryCast = false) => new()
    {
        Cast = new Proto.Expression.Types.Cast
        {
            Expr = expression,
            TypeStr = typeName,
            EvalMode = tryCast ? Proto.Expression.Types.Cast.Types.EvalMode.Try : Proto.Expression.Types.Cast.Types.EvalMode.Unspecified,
        },
    };

    internal static Proto.Expression.Types.SortOrder SortOrder(Proto.Expression expression, bool ascending, bool? nullsFirst = null)
    {
        if (expression.ExprTypeCase == Proto.Expression.ExprTypeOneofCase.SortOrder)
        {
            return expression.SortOrder;
        }

        bool first = nullsFirst ?? ascending;
        return new Proto.Expression.Types.SortOrder
        {
            Child = expression,
            Direction = ascending
                ? Proto.Expression.Types.SortOrder.Types.SortDirection.Ascending
                : Proto.Expression.Types.SortOrder.Types.SortDirection.Descending,
            NullOrdering = first
                ? Proto.Expression.Types.SortOrder.Types.NullOrdering.SortNullsFirst
                : Proto.Expression.Types.SortOrder.Types.NullOrdering.SortNullsLast,
        };
    }

    internal static Proto.Expression ExtractValue(Proto.Expression child, Proto.Expression extraction) => new()
    {
        UnresolvedExtractValue = new Proto.Expression.Types.UnresolvedExtractValue { Child = child, Extraction = extraction },
    };
}
