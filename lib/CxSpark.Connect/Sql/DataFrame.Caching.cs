using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Persistence and checkpoints.</summary>
public sealed partial class DataFrame
{
    /// <summary>Persists the frame in memory and on disk once it is first computed.</summary>
    public Task<DataFrame> CacheAsync(CancellationToken cancellationToken = default) => PersistAsync(StorageLevel.MemoryAndDisk, cancellationToken);

    /// <summary>Persists the frame at a storage level once it is first computed.</summary>
    public async Task<DataFrame> PersistAsync(StorageLevel level, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(level);
        await Session.AnalyzeAsync(
            new Proto.AnalyzePlanRequest { Persist = new() { Relation = Relation, StorageLevel = level.ToProto() } }, cancellationToken).ConfigureAwait(false);
        return this;
    }

    /// <summary>Drops the persisted data.</summary>
    public async Task<DataFrame> UnpersistAsync(bool blocking = false, CancellationToken cancellationToken = default)
    {
        await Session.AnalyzeAsync(
            new Proto.AnalyzePlanRequest { Unpersist = new() { Relation = Relation, Blocking = blocking } }, cancellationToken).ConfigureAwait(false);
        return this;
    }

    /// <summary>Returns the frame's storage level (<see cref="StorageLevel.None"/> when not persisted).</summary>
    public async Task<StorageLevel> StorageLevelAsync(CancellationToken cancellationToken = default)
    {
        Proto.AnalyzePlanResponse response = await Session.AnalyzeAsync(
            new Proto.AnalyzePlanRequest { GetStorageLevel = new() { Relation = Relation } }, cancellationToken).ConfigureAwait(false);
        return StorageLevel.FromProto(response.GetStorageLevel.StorageLevel);
    }

    /// <summary>Computes the frame and saves it to the checkpoint directory, cutting its lineage.</summary>
    /// <remarks>Needs <c>spark.checkpoint.dir</c> set on the server (a reliable file system on a cluster).</remarks>
    public Task<DataFrame> CheckpointAsync(bool eager = true, CancellationToken cancellationToken = default) => CheckpointCoreAsync(false, eager, cancellationToken);

    /// <summary>Computes the frame and keeps it in executor storage, cutting its lineage (not fault tolerant).</summary>
    public Task<DataFrame> LocalCheckpointAsync(bool eager = true, CancellationToken cancellationToken = default) => CheckpointCoreAsync(true, eager, cancellationToken);

    private async Task<DataFrame> CheckpointCoreAsync(bool local, bool eager, CancellationToken cancellationToken)
    {
        var command = new Proto.Command { CheckpointCommand = new Proto.CheckpointCommand { Relation = Relation, Local = local, Eager = eager } };
        foreach (Proto.ExecutePlanResponse response in await Session.ExecuteCommandAsync(command, cancellationToken).ConfigureAwait(false))
        {
            if (response.CheckpointCommandResult is { Relation: { } relation })
            {
                return Session.NewDataFrame(new Proto.Relation { CachedRemoteRelation = relation });
            }
        }

        throw new Errors.SparkConnectException("The server returned no checkpointed relation.");
    }
}
