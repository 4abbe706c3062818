using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>Turns one DataFrame into another, such as a feature transformer or a fitted model.</summary>
public abstract class Transformer : PipelineStage
{
    private protected Transformer(string? uid)
        : base(uid)
    {
    }

    /// <summary>Returns the transformed frame; lazy, like any DataFrame transformation.</summary>
    /// <remarks>Params are checked by Spark when the frame runs, so a wrong column name fails at the first action.</remarks>
    public virtual DataFrame Transform(DataFrame dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var transform = new Proto.MlRelation.Types.Transform
        {
            Transformer = MLCommands.Operator(this, Proto.MlOperator.Types.OperatorType.Transformer),
            Input = dataset.Relation,
            Params = ToProto(),
        };
        return dataset.Session.NewDataFrame(new Proto.Relation { MlRelation = new Proto.MlRelation { Transform = transform } });
    }

    internal override Task<Transformer> FitStageAsync(DataFrame dataset, CancellationToken cancellationToken) => Task.FromResult(this);
}
