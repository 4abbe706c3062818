using CxSpark.Pipeline.Runs;

namespace CxSpark.Pipeline.Tests.Runs;

public sealed class ShufflePartitionsTests
{
    [Theory]
    [InlineData(0L, 8, 8)]
    [InlineData(541_909L, 8, 8)]
    [InlineData(4_000_000L, 8, 8)]
    [InlineData(4_000_001L, 8, 9)]
    [InlineData(33_600_000L, 8, 68)]
    [InlineData(33_600_000L, 200, 200)]
    [InlineData(long.MaxValue / 2, 8, 10_000)]
    public void For_OnePartitionPerHalfMillionRows_NeverBelowConfigured(long rows, int configured, int expected) =>
        Assert.Equal(expected, ShufflePartitions.For(rows, configured));
}
