using System.Diagnostics;
using CxSpark.Connect.Client;
using CxSpark.Connect.Errors;
using CxSpark.Connect.IntegrationTests.Infrastructure;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Connect.IntegrationTests.Client;

[Collection("Spark")]
public sealed class ErrorHandlingTests(SparkServerFixture fixture)
{
    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public async Task MisspeltColumn_RaisesColumnNotFoundWithErrorClass()
    {
        ColumnNotFoundException error = await Assert.ThrowsAsync<ColumnNotFoundException>(
            () => _spark.Range(3).Select(Col("idd")).CollectAsync());
        Assert.StartsWith("UNRESOLVED_COLUMN", error.ErrorClass, StringComparison.Ordinal);
        Assert.Equal("42703", error.SqlState);
        Assert.Contains("`idd`", error.MessageParameters["objectName"], StringComparison.Ordinal);
        Assert.StartsWith("[UNRESOLVED_COLUMN", error.Message, StringComparison.Ordinal);
        Assert.Contains("SQLSTATE: 42703", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.ErrorId);
        Assert.Contains("org.apache.spark", error.ServerStackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTable_RaisesTableOrViewNotFound()
    {
        TableOrViewNotFoundException error = await Assert.ThrowsAsync<TableOrViewNotFoundException>(() => _spark.Table("no_such_table").CountAsync());
        Assert.Equal("TABLE_OR_VIEW_NOT_FOUND", error.ErrorClass);
    }

    [Fact]
    public async Task BadSql_RaisesParseException()
    {
        ParseException error = await Assert.ThrowsAsync<ParseException>(() => _spark.SqlAsync("SELEC 1"));
        Assert.Equal("PARSE_SYNTAX_ERROR", error.ErrorClass);
    }

    [Fact]
    public async Task MissingPath_RaisesAnalysisErrorNamingPath()
    {
        string path = "/tmp/cxspark-no-such-path-" + Guid.NewGuid().ToString("N");
        SparkServerException error = await Assert.ThrowsAnyAsync<SparkServerException>(() => _spark.Read().Parquet(path).CountAsync());
        Assert.Equal("PATH_NOT_FOUND", error.ErrorClass);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuntimeFailure_RaisesExecutionExceptionWithMessage()
    {
        SparkExecutionException raised = await Assert.ThrowsAsync<SparkExecutionException>(
            () => _spark.Range(5).Select(CallFunction("raise_error", Lit("boom in row"))).CollectAsync());
        Assert.Equal("USER_RAISED_EXCEPTION", raised.ErrorClass);
        Assert.Contains("boom in row", raised.Message, StringComparison.Ordinal);
        SparkExecutionException divide = await Assert.ThrowsAsync<SparkExecutionException>(
            () => _spark.Range(5).Select(Div(Col("id"), 0)).CollectAsync());
        Assert.Equal("DIVIDE_BY_ZERO", divide.ErrorClass);
        Assert.Equal("22012", divide.SqlState);
    }

    [Fact]
    public async Task RefusedConnection_NamesUrlAndHowToStartServer()
    {
        var watch = Stopwatch.StartNew();
        SparkConnectionException error = await Assert.ThrowsAsync<SparkConnectionException>(() => SparkSession.Builder()
            .Remote("sc://localhost:1/;token=do-not-print")
            .RetryPolicy(RetryPolicy.Default with { MaxRetries = 2 })
            .GetOrCreateAsync());
        Assert.Contains("sc://localhost:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("spark-server.sh start", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print", error.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 30);
    }

    [Fact]
    public async Task CancelledToken_InterruptsLongQueryOnServer()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var watch = Stopwatch.StartNew();
        DataFrame slow = _spark.Range(0, 2_000_000_000L, 1, 2).Select(Sha2(Col("id").Cast("string"), 512).Alias("h")).Distinct();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow.CountAsync(cts.Token));
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 20);
        Assert.Equal(3, await _spark.Range(3).CountAsync());
    }
}
