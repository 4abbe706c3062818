using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>One call of a fetch chain, such as <c>recommendForAllUsers(10)</c>; arguments are literals or DataFrames.</summary>
internal sealed record MLMethod(string Name, params object[] Args)
{
    internal Proto.Fetch.Types.Method ToProto()
    {
        var method = new Proto.Fetch.Types.Method { Method_ = Name };
        foreach (object arg in Args)
        {
            method.Args.Add(arg is DataFrame frame
                ? new Proto.Fetch.Types.Method.Types.Args { Input = frame.Relation }
                : new Proto.Fetch.Types.Method.Types.Args { Param = ParamLiterals.ToLiteral(arg) });
        }

        return method;
    }

    public override string ToString() => Args.Length == 0 ? Name : $"{Name}({string.Join(", ", Args.Select(a => a is DataFrame ? "DataFrame" : a.ToString()))})";
}
