namespace CxSpark.Connect.Sql;

/// <summary>Where Spark keeps a persisted frame: memory, disk, off-heap, and how many replicas.</summary>
/// <param name="UseDisk">Spill to or keep on disk.</param>
/// <param name="UseMemory">Keep in executor memory.</param>
/// <param name="UseOffHeap">Keep off the JVM heap.</param>
/// <param name="Deserialized">Keep as objects rather than serialized bytes.</param>
/// <param name="Replication">The number of copies.</param>
public sealed record StorageLevel(bool UseDisk, bool UseMemory, bool UseOffHeap, bool Deserialized, int Replication = 1)
{
    /// <summary>Gets memory, spilling to disk (the default of <see cref="DataFrame.CacheAsync"/>).</summary>
    public static StorageLevel MemoryAndDisk { get; } = new(true, true, false, true);

    /// <summary>Gets memory only; partitions that do not fit are recomputed.</summary>
    public static StorageLevel MemoryOnly { get; } = new(false, true, false, true);

    /// <summary>Gets disk only.</summary>
    public static StorageLevel DiskOnly { get; } = new(true, false, false, false);

    /// <summary>Gets serialized in memory, spilling to disk.</summary>
    public static StorageLevel MemoryAndDiskSer { get; } = new(true, true, false, false);

    /// <summary>Gets not persisted.</summary>
    public static StorageLevel None { get; } = new(false, false, false, false);

    internal Spark.Connect.StorageLevel ToProto() => new()
    {
        UseDisk = UseDisk,
        UseMemory = UseMemory,
        UseOffHeap = UseOffHeap,
        Deserialized = Deserialized,
        Replication = Replication,
    };

    internal static StorageLevel FromProto(Spark.Connect.StorageLevel level) =>
        new(level.UseDisk, level.UseMemory, level.UseOffHeap, level.Deserialized, level.Replication);
}
