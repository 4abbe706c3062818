using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Configuration;
using Microsoft.Extensions.Configuration;

namespace CxSpark.Pipeline.Tests.Configuration;

public sealed class PipelineOptionsLoaderTests
{
    private static PipelineOptions Load(params (string Key, string Value)[] values) => PipelineOptionsLoader.Load(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void Load_MappingAndTableSource_ReadFromKeys()
    {
        PipelineOptions options = Load(("Input", "in"), ("Output", "out"), ("RunDate", "2011-12-10"),
            ("Tables:transactions:Format", "CSV"), ("Tables:transactions:Mapping:customer_id", "CustomerID"),
            ("Cleaning:CancellationPrefix", "C"), ("Pii:HashKey", "s3cret"));

        Assert.Equal(new DateOnly(2011, 12, 10), options.RunDate);
        Assert.Equal("csv", options.SourceOf("transactions").Format);
        Assert.Equal("CustomerID", options.SourceOf("transactions").Mapping["customer_id"]);
        Assert.Equal("in/transactions", options.PathOf("transactions"));
        Assert.Equal("in/events", options.PathOf("events"));
        Assert.Equal("C", options.Cleaning.CancellationPrefix);
        Assert.Equal("***", options.Effective["Pii:HashKey"]);
    }

    [Theory]
    [InlineData("RunDate", "10/12/2011", "RunDate")]
    [InlineData("Tables:transactions:Format", "xlsx", "Tables:transactions:Format")]
    [InlineData("Cleaning:MaxRating", "five", "Cleaning:MaxRating")]
    [InlineData("Cleaning:MaxQuantity", "0", "Cleaning:MaxQuantity")]
    [InlineData("Cleaning:MaxUnitPrice", "-5", "Cleaning:MaxUnitPrice")]
    [InlineData("Cleaning:MaxLineAmount", "1e16", "Cleaning:MaxLineAmount")]
    [InlineData("Recommend:Feedback", "clicks", "Recommend:Feedback")]
    [InlineData("Recommend:TopN", "0", "Recommend:TopN")]
    [InlineData("Recommend:Ranks", "32,x", "Recommend:Ranks")]
    [InlineData("Recommend:DecayDays", "-1", "Recommend:DecayDays")]
    [InlineData("Recommend:CandidateProducts", "0", "Recommend:CandidateProducts")]
    [InlineData("Spark:ShufflePartitions", "2.5", "Spark:ShufflePartitions")]
    [InlineData("Recommend:Evaluate", "no", "Recommend:Evaluate")]
    public void Load_BadValue_ExceptionNamesKey(string key, string value, string expectedKey)
    {
        PipelineConfigurationException e = Assert.Throws<PipelineConfigurationException>(() => Load(("Input", "in"), ("Output", "out"), (key, value)));

        Assert.Equal(expectedKey, e.Key);
        Assert.Contains(value, e.Message);
    }

    [Fact]
    public void Load_Effective_MasksSecretKeysAndTokensButKeepsTheRest()
    {
        PipelineOptions options = Load(("Input", "in"), ("Output", "out"), ("Remote", "sc://spark.example.com:15002?token=abc"),
            ("Tables:transactions:Options:password", "hunter2"), ("Spark:AccessToken", "t0k"), ("Tables:transactions:Format", "csv"));

        Assert.Equal("sc://spark.example.com:15002?token=***", options.Effective["Remote"]);
        Assert.Equal("***", options.Effective["Tables:transactions:Options:password"]);
        Assert.Equal("***", options.Effective["Spark:AccessToken"]);
        Assert.Equal("csv", options.Effective["Tables:transactions:Format"]);
        Assert.Equal("sc://spark.example.com:15002?token=abc", options.Remote);
    }

    [Fact]
    public void Load_BadValueQuotingASecret_MessageMasksIt()
    {
        PipelineConfigurationException e = Assert.Throws<PipelineConfigurationException>(
            () => Load(("Input", "in"), ("Output", "out"), ("Cleaning:MaxRating", "token=abc")));

        Assert.Equal("Configuration 'Cleaning:MaxRating': 'token=***' is not a number.", e.Message);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/abs/run")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("_staging")]
    public void Load_BadRunId_ThrowsNamingRunId(string runId)
    {
        PipelineConfigurationException e = Assert.Throws<PipelineConfigurationException>(() => Load(("Input", "in"), ("Output", "out"), ("RunId", runId)));

        Assert.Equal("RunId", e.Key);
    }

    [Fact]
    public void Load_RunId_GivenIsKeptAndMissingIsGenerated()
    {
        Assert.Equal("nightly-2011-12-10", Load(("Input", "in"), ("Output", "out"), ("RunId", "nightly-2011-12-10")).RunId);
        Assert.StartsWith("run-", Load(("Input", "in"), ("Output", "out")).RunId);
    }

    [Fact]
    public void Load_ValueBounds_DefaultsAndKeys()
    {
        ValueBounds defaults = Load(("Input", "in"), ("Output", "out")).Cleaning.Bounds;
        ValueBounds set = Load(("Input", "in"), ("Output", "out"),
            ("Cleaning:MaxQuantity", "500"), ("Cleaning:MaxUnitPrice", "2.5e3"), ("Cleaning:MaxLineAmount", "1e15")).Cleaning.Bounds;

        Assert.Equal((1e6, 1e6, 1e8), (defaults.MaxQuantity, defaults.MaxUnitPrice, defaults.MaxLineAmount));
        Assert.Equal((500.0, 2500.0, 1e15), (set.MaxQuantity, set.MaxUnitPrice, set.MaxLineAmount));
    }

    [Fact]
    public void Load_NoEvaluationWithAGrid_AsksForOneSetting()
    {
        PipelineConfigurationException e = Assert.Throws<PipelineConfigurationException>(
            () => Load(("Input", "in"), ("Output", "out"), ("Recommend:Evaluate", "false")));
        PipelineOptions pinned = Load(("Input", "in"), ("Output", "out"), ("Recommend:Evaluate", "False"), ("Recommend:DecayDays", "15"));

        Assert.Equal("Recommend:Evaluate", e.Key);
        Assert.Contains("not 3", e.Message);
        Assert.False(pinned.Recommend.Evaluate);
        Assert.True(Load(("Input", "in"), ("Output", "out")).Recommend.Evaluate);
    }

    [Fact]
    public void Load_RecommendKeys_GridFromListsAndDefaultsByFeedback()
    {
        PipelineOptions options = Load(("Input", "in"), ("Output", "out"),
            ("Recommend:Ranks", "16, 64"), ("Recommend:DecayDays", "0,45"), ("Recommend:TopN", "5"), ("Segments:MaxK", "6"),
            ("Recommend:CandidateProducts", "500"));
        PipelineOptions explicitFeedback = Load(("Input", "in"), ("Output", "out"), ("Recommend:Feedback", "Explicit"));

        Assert.Equal([16, 64], options.Recommend.Ranks);
        Assert.Equal([0.0, 45.0], options.Recommend.DecayDays);
        Assert.Equal([1.0], options.Recommend.RegParams);
        Assert.Equal(5, options.Recommend.TopN);
        Assert.Equal(500, options.Recommend.CandidateProducts);
        Assert.Equal(90, options.Recommend.CandidateDays);
        Assert.Equal("16, 64", options.Effective["Recommend:Ranks"]);
        Assert.Equal("6", options.Effective["Segments:MaxK"]);
        Assert.True(explicitFeedback.Recommend.IsExplicit);
        Assert.Equal([10, 20], explicitFeedback.Recommend.Ranks);
        Assert.Equal([0.1, 0.2], explicitFeedback.Recommend.RegParams);
    }

    [Fact]
    public void Load_NoInput_ExceptionNamesInput()
    {
        PipelineConfigurationException e = Assert.Throws<PipelineConfigurationException>(() => Load(("Output", "out")));

        Assert.Equal("Input", e.Key);
    }
}
