namespace CxSpark.Connect.Sql;

/// <summary>Spark's progress report for a running operation: its stages and their tasks.</summary>
/// <param name="OperationId">The operation the report belongs to.</param>
/// <param name="Stages">The stages Spark has reported for the operation so far.</param>
/// <param name="InflightTasks">The number of tasks running now.</param>
public sealed record ExecutionProgress(string OperationId, IReadOnlyList<StageProgress> Stages, long InflightTasks)
{
    /// <summary>Gets the number of tasks in all reported stages.</summary>
    public long TotalTasks => Stages.Sum(s => s.NumTasks);

    /// <summary>Gets the number of finished tasks in all reported stages.</summary>
    public long CompletedTasks => Stages.Sum(s => s.CompletedTasks);

    /// <summary>Gets the bytes read by all reported stages.</summary>
    public long InputBytesRead => Stages.Sum(s => s.InputBytesRead);
}

/// <summary>The progress of one Spark stage.</summary>
/// <param name="StageId">Spark's stage id.</param>
/// <param name="NumTasks">The stage's task count.</param>
/// <param name="CompletedTasks">The stage's finished tasks.</param>
/// <param name="InputBytesRead">The bytes the stage has read.</param>
/// <param name="Done">Whether the stage has finished.</param>
public sealed record StageProgress(long StageId, long NumTasks, long CompletedTasks, long InputBytesRead, bool Done);
