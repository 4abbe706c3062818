using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Caching;

/// <summary>A cache scope releases what it cached on the real server, also when the run was cancelled, and keeps the original exception.</summary>
[Collection("Spark")]
public sealed class CacheScopeTests(SparkServerFixture fixture)
{
    [Fact]
    public async Task DisposeAsync_TwoFrames_BothReleased()
    {
        DataFrame first = fixture.Spark.Range(10).Filter(Col("id") % 2 == 0);
        DataFrame second = fixture.Spark.Range(10).Filter(Col("id") % 3 == 0);
        var cache = new CacheScope();
        await cache.CacheAsync(first);
        await cache.CacheAsync(second);
        Assert.Equal(2, cache.Count);
        Assert.True((await first.StorageLevelAsync()).UseMemory);

        await cache.DisposeAsync();

        Assert.Equal(0, cache.Count);
        Assert.Equal(StorageLevel.None, await first.StorageLevelAsync());
        Assert.Equal(StorageLevel.None, await second.StorageLevelAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cache.CacheAsync(first));
    }

    [Fact]
    public async Task DisposeAsync_CancelledRunThrows_OriginalExceptionSurfacesAndCacheReleased()
    {
        DataFrame frame = fixture.Spark.Range(10).Filter(Col("id") % 5 == 0);
        using var cancellation = new CancellationTokenSource();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var cache = new CacheScope();
            await cache.CacheAsync(frame, cancellation.Token);
            await cancellation.CancelAsync();
            // A stage fails while its run is being cancelled: the release must not replace this exception.
            throw new InvalidOperationException("the stage's own failure");
        });

        Assert.Equal("the stage's own failure", thrown.Message);
        Assert.Equal(StorageLevel.None, await frame.StorageLevelAsync());
    }
}
