using CxSpark.Pipeline.Publishing;

namespace CxSpark.Pipeline.Tests.Publishing;

public sealed class RunManifestWriterTests
{
    [Fact]
    public void ToJson_SecretsInAnyField_AreMasked()
    {
        var manifest = new RunManifest
        {
            RunId = "run-1",
            Job = "clean",
            RunDate = new DateOnly(2011, 12, 10),
            Error = "Spark Connect at sc://h:15002?token=abc is unavailable: Bearer xyz",
            Config = new Dictionary<string, string> { ["Remote"] = "sc://h:15002/;token=abc;x=y", ["Input"] = "in" },
        };
        manifest.Inputs["transactions"] = "https://etl:hunter2@storage.example.com/raw/transactions";

        string json = RunManifestWriter.ToJson(manifest);

        Assert.DoesNotContain("abc", json, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
        Assert.Contains("\"error\": \"Spark Connect at sc://h:15002?token=*** is unavailable: Bearer ***\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Remote\": \"sc://h:15002/;token=***;x=y\"", json, StringComparison.Ordinal);
        Assert.Contains("\"transactions\": \"https://etl:***@storage.example.com/raw/transactions\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Input\": \"in\"", json, StringComparison.Ordinal);
    }
}
