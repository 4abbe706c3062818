using CxSpark.Connect.Client;
using CxSpark.Connect.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CxSpark.Connect.Tests.Client;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Default_Values_AreSparks()
    {
        RetryPolicy policy = RetryPolicy.Default;
        Assert.Equal(15, policy.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(50), policy.InitialBackoff);
        Assert.Equal(4.0, policy.BackoffMultiplier);
        Assert.Equal(TimeSpan.FromSeconds(60), policy.MaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(2), policy.MinJitterThreshold);
        Assert.Equal(TimeSpan.FromMilliseconds(500), policy.Jitter);
    }

    [Fact]
    public void None_MaxRetries_IsZero()
    {
        Assert.Equal(0, RetryPolicy.None.MaxRetries);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 200)]
    [InlineData(2, 800)]
    public void Backoff_BelowJitterThreshold_GrowsFourfoldWithoutJitter(int attempt, double expectedMs)
    {
        TimeSpan wait = RetryPolicy.Default.Backoff(attempt, new Random(7));
        Assert.Equal(expectedMs, wait.TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Backoff_AboveJitterThreshold_AddsSeededJitter()
    {
        // 50 ms * 4^3 = 3.2 s is above the 2 s threshold, so jitter (at most 500 ms) is added.
        double expectedJitter = new Random(42).NextDouble() * 500;
        TimeSpan wait = RetryPolicy.Default.Backoff(3, new Random(42));
        Assert.Equal(3200 + expectedJitter, wait.TotalMilliseconds, precision: 3);
        Assert.InRange(wait.TotalMilliseconds, 3200, 3700);
    }

    [Fact]
    public void Backoff_Sequence_IsCappedAtMaxBackoffPlusJitter()
    {
        var random = new Random(1);
        var reference = new Random(1);
        double[] expectedBase = [50, 200, 800, 3200, 12800, 51200, 60000, 60000, 60000];
        for (int attempt = 0; attempt < expectedBase.Length; attempt++)
        {
            double expected = expectedBase[attempt] > 2000 ? expectedBase[attempt] + (reference.NextDouble() * 500) : expectedBase[attempt];
            Assert.Equal(expected, RetryPolicy.Default.Backoff(attempt, random).TotalMilliseconds, precision: 3);
        }
    }

    [Fact]
    public void Backoff_NegativeAttempt_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Default.Backoff(-1));
    }

    [Fact]
    public void ShouldRetry_Unavailable_IsTrue()
    {
        Assert.True(RetryPolicy.ShouldRetry(RpcErrors.Plain(StatusCode.Unavailable, "connection refused")));
    }

    [Fact]
    public void ShouldRetry_InternalInvalidCursorDisconnected_IsTrue()
    {
        RpcException error = RpcErrors.Plain(StatusCode.Internal, "[INVALID_CURSOR.DISCONNECTED] The cursor is disconnected by the server. SQLSTATE: HY109");
        Assert.True(RetryPolicy.ShouldRetry(error));
    }

    [Fact]
    public void ShouldRetry_StatusWithRetryInfo_IsTrue()
    {
        var retryInfo = new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) };
        RpcException error = RpcErrors.WithDetails(StatusCode.ResourceExhausted, "busy", retryInfo);
        Assert.True(RetryPolicy.ShouldRetry(error));
    }

    [Fact]
    public void ShouldRetry_InvalidArgument_IsFalse()
    {
        Assert.False(RetryPolicy.ShouldRetry(RpcErrors.Plain(StatusCode.InvalidArgument, "bad plan")));
    }

    [Fact]
    public void ShouldRetry_PlainInternal_IsFalse()
    {
        Assert.False(RetryPolicy.ShouldRetry(RpcErrors.Plain(StatusCode.Internal, "[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012")));
    }

    [Fact]
    public void ShouldRetry_InternalWithErrorInfoOnly_IsFalse()
    {
        RpcException error = RpcErrors.WithDetails(StatusCode.Internal, "failed", RpcErrors.SparkError("org.apache.spark.SparkException"));
        Assert.False(RetryPolicy.ShouldRetry(error));
    }

    [Fact]
    public void ShouldRetry_GarbageDetailsTrailer_IsFalse()
    {
        RpcException error = RpcErrors.WithTrailer(StatusCode.Internal, "failed", [0xFF, 0xFF, 0xFF]);
        Assert.False(RetryPolicy.ShouldRetry(error));
    }
}
