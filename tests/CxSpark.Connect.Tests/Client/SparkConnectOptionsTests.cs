using CxSpark.Connect.Client;

namespace CxSpark.Connect.Tests.Client;

public sealed class SparkConnectOptionsTests
{
    [Fact]
    public void Parse_HostOnly_UsesDefaultPortAndPlaintext()
    {
        SparkConnectOptions options = SparkConnectOptions.Parse("sc://spark.example.com");
        Assert.Equal("spark.example.com", options.Host);
        Assert.Equal(15002, options.Port);
        Assert.False(options.UseSsl);
        Assert.Equal(new Uri("http://spark.example.com:15002"), options.Endpoint);
    }

    [Fact]
    public void Parse_AllParameters_AreRead()
    {
        SparkConnectOptions options = SparkConnectOptions.Parse(
            "sc://host:443/;token=abc;use_ssl=true;user_id=etl;user_agent=nightly;session_id=00112233-4455-6677-8899-aabbccddeeff;grpc_max_message_size=1024;x-trace=42");
        Assert.Equal(443, options.Port);
        Assert.Equal("abc", options.Token);
        Assert.True(options.UseSsl);
        Assert.Equal("etl", options.UserId);
        Assert.Equal("nightly", options.UserAgent);
        Assert.Equal("00112233-4455-6677-8899-aabbccddeeff", options.SessionId);
        Assert.Equal(1024, options.MaxMessageSize);
        Assert.Equal("42", Assert.Single(options.Headers).Value);
        Assert.Equal(new Uri("https://host:443"), options.Endpoint);
    }

    [Fact]
    public void ToString_WithToken_MasksIt()
    {
        string text = SparkConnectOptions.Parse("sc://host:1/;token=secret-value").ToString();
        Assert.DoesNotContain("secret-value", text, StringComparison.Ordinal);
        Assert.Equal("sc://host:1/;token=***", text);
    }

    [Theory]
    [InlineData("http://host:15002")]
    [InlineData("sc://host:99999")]
    [InlineData("sc://host:15002/path")]
    [InlineData("sc://host/;use_ssl=maybe")]
    [InlineData("sc://host/;session_id=not-a-uuid")]
    [InlineData("sc://")]
    public void Parse_Invalid_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => SparkConnectOptions.Parse(connectionString));
    }

    [Theory]
    [InlineData("sc://host/bad;token=hunter2")]
    [InlineData("sc://h:15002?token=hunter2")]
    [InlineData("sc://h?token=hunter2:15002")]
    [InlineData("sc://h:15002?token=hunter2;x=y")]
    [InlineData("sc://h:15002/x;token=hunter2;x=y")]
    [InlineData("http://h:15002/;token=hunter2")]
    [InlineData("sc://h:15002/;token=hunter2;use_ssl=maybe")]
    [InlineData("sc://h:15002/;token=hunter2;novalue")]
    public void Parse_InvalidWithToken_DoesNotLeakToken(string connectionString)
    {
        FormatException error = Assert.Throws<FormatException>(() => SparkConnectOptions.Parse(connectionString));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sc://spark_connect:15002", "spark_connect")]
    [InlineData("sc://[::1]:15002", "[::1]")]
    [InlineData("sc://10.0.0.5", "10.0.0.5")]
    public void Parse_HostNameOrAddress_IsKept(string connectionString, string host)
    {
        Assert.Equal(host, SparkConnectOptions.Parse(connectionString).Host);
    }

    [Fact]
    public void Parse_HostWithQuery_NamesTheHost()
    {
        FormatException error = Assert.Throws<FormatException>(() => SparkConnectOptions.Parse("sc://h?user=a"));
        Assert.Contains("The host 'h?user=a'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sc://spark.example.com/;token=t")]
    [InlineData("sc://10.0.0.5:15002/;token=t;use_ssl=false")]
    [InlineData("sc://localhost.example.com/;token=t")]
    [InlineData("sc://127.0.0.1.nip.io/;token=t")]
    [InlineData("sc://[::2]/;token=t")]
    [InlineData("sc://spark.example.com/;token=t;allow_insecure_auth=false")]
    public void ValidateTokenTransport_TokenInPlaintextToAnotherHost_ThrowsNamingTheParameters(string connectionString)
    {
        SparkConnectOptions options = SparkConnectOptions.Parse(connectionString);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(options.ValidateTokenTransport);

        Assert.Contains("'token' would be sent in plaintext to " + options.Host, error.Message, StringComparison.Ordinal);
        Assert.Contains("use_ssl=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("allow_insecure_auth=true", error.Message, StringComparison.Ordinal);
        Assert.False(options.IsLoopback);
    }

    [Theory]
    [InlineData("sc://spark.example.com/;token=t;use_ssl=true", false)]
    [InlineData("sc://spark.example.com/;token=t;allow_insecure_auth=true", false)]
    [InlineData("sc://spark.example.com", false)]
    [InlineData("sc://localhost:15002/;token=t", true)]
    [InlineData("sc://LocalHost/;token=t;use_ssl=false", true)]
    [InlineData("sc://127.0.0.1:15221/;token=t", true)]
    [InlineData("sc://127.8.9.10/;token=t", true)]
    [InlineData("sc://[::1]:15002/;token=t", true)]
    [InlineData("sc://[::ffff:127.0.0.1]/;token=t", true)]
    public void ValidateTokenTransport_TlsOptInLoopbackOrNoToken_Passes(string connectionString, bool loopback)
    {
        SparkConnectOptions options = SparkConnectOptions.Parse(connectionString);

        options.ValidateTokenTransport();

        Assert.Equal(loopback, options.IsLoopback);
    }

    [Fact]
    public void Parse_AllowInsecureAuth_IsReadReservedAndShown()
    {
        SparkConnectOptions options = SparkConnectOptions.Parse("sc://spark.example.com/;token=t;allow_insecure_auth=true");

        Assert.True(options.AllowInsecureAuth);
        Assert.Empty(options.Headers);
        Assert.Equal("sc://spark.example.com:15002/;token=***;allow_insecure_auth=true", options.ToString());
        Assert.Throws<FormatException>(() => SparkConnectOptions.Parse("sc://h/;allow_insecure_auth=yes"));
    }
}
