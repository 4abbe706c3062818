using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>How a join matches rows.</summary>
public enum JoinType
{
    /// <summary>Rows with a match on both sides.</summary>
    Inner,

    /// <summary>Every left row, with nulls where the right has no match.</summary>
    LeftOuter,

    /// <summary>Every right row, with nulls where the left has no match.</summary>
    RightOuter,

    /// <summary>Every row of both sides.</summary>
    FullOuter,

    /// <summary>Left rows that have a match, left columns only.</summary>
    LeftSemi,

    /// <summary>Left rows that have no match, left columns only.</summary>
    LeftAnti,

    /// <summary>Every pair of rows.</summary>
    Cross,
}

/// <summary>Spark's join type names.</summary>
internal static class JoinTypes
{
    internal static JoinType Parse(string how) => how.ToLowerInvariant().Replace("_", string.Empty, StringComparison.Ordinal) switch
    {
        "inner" => JoinType.Inner,
        "left" or "leftouter" => JoinType.LeftOuter,
        "right" or "rightouter" => JoinType.RightOuter,
        "full" or "outer" or "fullouter" => JoinType.FullOuter,
        "semi" or "leftsemi" => JoinType.LeftSemi,
        "anti" or "leftanti" => JoinType.LeftAnti,
        "cross" => JoinType.Cross,
        _ => throw new ArgumentException(
            $"Join type '{how}' is not one of inner, left, right, full, left_semi, left_anti, cross.", nameof(how)),
    };

    internal static Proto.Join.Types.JoinType ToProto(JoinType how) => how switch
    {
        JoinType.Inner => Proto.Join.Types.JoinType.Inner,
        JoinType.LeftOuter => Proto.Join.Types.JoinType.LeftOuter,
        JoinType.RightOuter => Proto.Join.Types.JoinType.RightOuter,
        JoinType.FullOuter => Proto.Join.Types.JoinType.FullOuter,
        JoinType.LeftSemi => Proto.Join.Types.JoinType.LeftSemi,
        JoinType.LeftAnti => Proto.Join.Types.JoinType.LeftAnti,
        JoinType.Cross => Proto.Join.Types.JoinType.Cross,
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, "Unknown join type."),
    };
}
