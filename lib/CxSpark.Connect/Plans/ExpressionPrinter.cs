using System.Globalization;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Plans;

/// <summary>Prints expressions in a SQL-like form for <c>ToString</c> and error messages.</summary>
internal static class ExpressionPrinter
{
    private static readonly HashSet<string> s_infix = ["==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "and", "or", "<=>", "&", "|", "^"];

    internal static string Print(Proto.Expression expression) => expression.ExprTypeCase switch
    {
        Proto.Expression.ExprTypeOneofCase.UnresolvedAttribute => expression.UnresolvedAttribute.UnparsedIdentifier,
        Proto.Expression.ExprTypeOneofCase.UnresolvedStar => (expression.UnresolvedStar.HasUnparsedTarget ? expression.UnresolvedStar.UnparsedTarget : string.Empty) + "*",
        Proto.Expression.ExprTypeOneofCase.Literal => PrintLiteral(expression.Literal),
        Proto.Expression.ExprTypeOneofCase.ExpressionString => expression.ExpressionString.Expression,
        Proto.Expression.ExprTypeOneofCase.Alias => $"{Print(expression.Alias.Expr)} AS {string.Join('.', expression.Alias.Name)}",
        Proto.Expression.ExprTypeOneofCase.Cast => $"CAST({Print(expression.Cast.Expr)} AS {(expression.Cast.HasTypeStr ? expression.Cast.TypeStr : DataTypeConverter.FromProto(expression.Cast.Type).Sql)})",
        Proto.Expression.ExprTypeOneofCase.SortOrder => $"{Print(expression.SortOrder.Child)} {(expression.SortOrder.Direction == Proto.Expression.Types.SortOrder.Types.SortDirection.Descending ? "DESC" : "ASC")}",
        Proto.Expression.ExprTypeOneofCase.UnresolvedFunction => PrintFunction(expression.UnresolvedFunction),
        Proto.Expression.ExprTypeOneofCase.Window => $"{Print(expression.Window.WindowFunction)} OVER (...)",
        Proto.Expression.ExprTypeOneofCase.UnresolvedExtractValue => $"{Print(expression.UnresolvedExtractValue.Child)}[{Print(expression.UnresolvedExtractValue.Extraction)}]",
        _ => expression.ExprTypeCase.ToString(),
    };

    private static string PrintFunction(Proto.Expression.Types.UnresolvedFunction function)
    {
        string[] args = function.Arguments.Select(Print).ToArray();
        if (s_infix.Contains(function.FunctionName) && args.Length == 2)
        {
            return $"({args[0]} {function.FunctionName} {args[1]})";
        }

        return $"{function.FunctionName}({(function.IsDistinct ? "DISTINCT " : string.Empty)}{string.Join(", ", args)})";
    }

    private static string PrintLiteral(Proto.Expression.Types.Literal literal) => LiteralConverter.FromLiteral(literal) switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "\\'", StringComparison.Ordinal) + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        object o => o.ToString() ?? string.Empty,
    };
}
