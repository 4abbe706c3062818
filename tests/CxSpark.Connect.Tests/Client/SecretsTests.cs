using CxSpark.Connect.Client;

namespace CxSpark.Connect.Tests.Client;

public sealed class SecretsTests
{
    [Theory]
    [InlineData("sc://h:15002/;token=abc", "sc://h:15002/;token=***")]
    [InlineData("sc://h:15002/;token=abc;x=y", "sc://h:15002/;token=***;x=y")]
    [InlineData("sc://h:15002/;user_id=etl;token=abc;use_ssl=false", "sc://h:15002/;user_id=etl;token=***;use_ssl=false")]
    [InlineData("sc://h:15002?token=abc", "sc://h:15002?token=***")]
    [InlineData("sc://h:15002?token=abc&x=y", "sc://h:15002?token=***&x=y")]
    [InlineData("sc://h/;TOKEN=abc", "sc://h/;TOKEN=***")]
    [InlineData("The port '15002?token=abc' in 'sc://h:15002?token=abc' is bad.", "The port '15002?token=***' in 'sc://h:15002?token=***' is bad.")]
    [InlineData("--set Pii:HashKey=s3cret --set Cleaning:MinRating=1", "--set Pii:HashKey=*** --set Cleaning:MinRating=1")]
    [InlineData("client_secret=abc password = hunter2 api_key=xyz", "client_secret=*** password = *** api_key=***")]
    [InlineData("x=token=abc", "x=token=***")]
    [InlineData("\"Remote\": \"sc://h/;token=abc\"", "\"Remote\": \"sc://h/;token=***\"")]
    [InlineData("authorization: Bearer eyJhbGciOi.J9x-y_z==", "authorization: Bearer ***")]
    [InlineData("bearer abc123 then text", "bearer *** then text")]
    [InlineData("https://etl:hunter2@storage.example.com/raw", "https://etl:***@storage.example.com/raw")]
    public void Redact_TextWithSecret_MasksOnlyTheValue(string text, string expected)
    {
        Assert.Equal(expected, Secrets.Redact(text));
    }

    [Theory]
    [InlineData("sc://h:15002/;user_id=etl;use_ssl=true")]
    [InlineData("Configuration 'Pii:HashKey': is required.")]
    [InlineData("run_date=2011-12-10 customer_id=17850")]
    [InlineData("https://storage.example.com:443/raw")]
    [InlineData("")]
    public void Redact_TextWithoutSecret_IsUnchanged(string text)
    {
        Assert.Equal(text, Secrets.Redact(text));
    }

    [Fact]
    public void Redact_Null_IsNull()
    {
        Assert.Null(Secrets.Redact(null));
    }

    [Fact]
    public void Redact_Twice_SameAsOnce()
    {
        string once = Secrets.Redact("sc://h/;token=abc Bearer xyz https://u:p@h");

        Assert.Equal(once, Secrets.Redact(once));
        Assert.Equal("sc://h/;token=*** Bearer *** https://u:***@h", once);
    }

    [Theory]
    [InlineData("Pii:HashKey", true)]
    [InlineData("token", true)]
    [InlineData("Spark:AccessToken", true)]
    [InlineData("Storage:ClientSecret", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("passwd", true)]
    [InlineData("Azure:Credentials", true)]
    [InlineData("Remote", false)]
    [InlineData("Cleaning:CancellationPrefix", false)]
    [InlineData("RunId", false)]
    public void IsSecretName_MatchesSecretWordsInAnyCase(string name, bool expected)
    {
        Assert.Equal(expected, Secrets.IsSecretName(name));
    }

    [Theory]
    [InlineData("Pii:HashKey", "s3cret", "***")]
    [InlineData("Remote", "sc://h:15002/;token=abc;use_ssl=true", "sc://h:15002/;token=***;use_ssl=true")]
    [InlineData("Remote", "sc://h:15002?token=abc", "sc://h:15002?token=***")]
    [InlineData("Input", "/data/raw", "/data/raw")]
    public void RedactValue_SecretKeyMaskedWhole_OtherValuesRedacted(string key, string value, string expected)
    {
        Assert.Equal(expected, Secrets.RedactValue(key, value));
    }
}
