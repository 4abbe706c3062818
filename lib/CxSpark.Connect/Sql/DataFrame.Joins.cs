using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Joins.</summary>
public sealed partial class DataFrame
{
    /// <summary>Joins on columns of the same name in both frames, which appear once in the result.</summary>
    /// <param name="right">The other frame.</param>
    /// <param name="on">The column names to match.</param>
    /// <param name="how"><c>inner</c>, <c>left</c>, <c>right</c>, <c>full</c>, <c>left_semi</c>, <c>left_anti</c> or <c>cross</c> (and Spark's aliases).</param>
    public DataFrame Join(DataFrame right, string[] on, string how = "inner") => Join(right, on, JoinTypes.Parse(how));

    /// <summary>Joins on columns of the same name in both frames.</summary>
    public DataFrame Join(DataFrame right, string[] on, JoinType how)
    {
        ArgumentNullException.ThrowIfNull(on);
        return JoinCore(right, null, on, how);
    }

    /// <summary>Joins on one column of the same name in both frames.</summary>
    public DataFrame Join(DataFrame right, string on, JoinType how = JoinType.Inner) => Join(right, [on], how);

    /// <summary>Joins where the condition holds.</summary>
    /// <remarks>Refer to each side's columns with <see cref="Col(string)"/> of that frame to avoid ambiguity.</remarks>
    public DataFrame Join(DataFrame right, Column condition, string how = "inner") => Join(right, condition, JoinTypes.Parse(how));

    /// <summary>Joins where the condition holds.</summary>
    public DataFrame Join(DataFrame right, Column condition, JoinType how)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return JoinCore(right, condition, [], how);
    }

    /// <summary>The Cartesian product of both frames.</summary>
    public DataFrame CrossJoin(DataFrame right) => JoinCore(right, null, [], JoinType.Cross);

    private DataFrame JoinCore(DataFrame right, Column? condition, string[] usingColumns, JoinType how)
    {
        RequireSameSession(right);
        return Derive(r =>
        {
            r.Join = new Proto.Join { Left = Relation, Right = right.Relation, JoinType = JoinTypes.ToProto(how) };
            if (condition is not null)
            {
                r.Join.JoinCondition = condition.Expression;
            }

            r.Join.UsingColumns.AddRange(usingColumns);
            return r;
        });
    }
}
