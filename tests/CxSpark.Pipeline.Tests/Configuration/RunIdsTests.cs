using CxSpark.Pipeline.Configuration;

namespace CxSpark.Pipeline.Tests.Configuration;

public sealed class RunIdsTests
{
    [Theory]
    [InlineData("run-20111210T000000Z-abc123")]
    [InlineData("bench-1M-20250101120000")]
    [InlineData("nightly.2011-12-10_v2")]
    [InlineData("a")]
    [InlineData("x..y")]
    public void Validate_PlainSegment_ReturnsIt(string runId)
    {
        Assert.Equal(runId, RunIds.Validate(runId));
        Assert.True(RunIds.IsValid(runId));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData(".", "starts with '.'")]
    [InlineData("..", "starts with '.'")]
    [InlineData("../x", "starts with '.'")]
    [InlineData(".hidden", "starts with '.'")]
    [InlineData("_staging", "starts with '_'")]
    [InlineData("/etc/passwd", "holds '/' at position 0")]
    [InlineData("/tmp", "holds '/' at position 0")]
    [InlineData("C:\\runs", "holds ':' at position 1")]
    [InlineData("a/b", "holds '/' at position 1")]
    [InlineData("a\\b", "holds '\\' at position 1")]
    [InlineData("a/../../b", "holds '/' at position 1")]
    [InlineData("run 1", "holds ' ' at position 3")]
    [InlineData("run_date=2011-12-10", "holds '='")]
    [InlineData("run\n1", "holds '\n'")]
    [InlineData("café", "holds 'é' at position 3")]
    [InlineData("ｒｕｎ", "holds 'ｒ' at position 0")]
    [InlineData("прогон", "holds 'п' at position 0")]
    public void Validate_NotAPlainAsciiSegment_ThrowsNamingRunId(string runId, string expected)
    {
        PipelineConfigurationException e = Assert.Throws<PipelineConfigurationException>(() => RunIds.Validate(runId));

        Assert.Equal("RunId", e.Key);
        Assert.StartsWith("Configuration 'RunId': ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.False(RunIds.IsValid(runId));
    }

    [Fact]
    public void Validate_LengthCap_AcceptsMaxAndRefusesOneMore()
    {
        string longest = new('r', RunIds.MaxLength);

        PipelineConfigurationException e = Assert.Throws<PipelineConfigurationException>(() => RunIds.Validate(longest + "r"));

        Assert.Equal(128, RunIds.MaxLength);
        Assert.Equal(longest, RunIds.Validate(longest));
        Assert.Equal("RunId", e.Key);
        Assert.Contains("has 129 characters; at most 128", e.Message);
    }

    [Fact]
    public void NewRunId_IsValid()
    {
        Assert.True(RunIds.IsValid(PipelineOptions.NewRunId()));
    }
}
