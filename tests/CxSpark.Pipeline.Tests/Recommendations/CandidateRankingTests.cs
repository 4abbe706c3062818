using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Recommendations;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Recommendations;

/// <summary>The per-customer top-N ranking on inline rows: model first, fallback after, never a known item or an item twice.</summary>
[Collection("Spark")]
public sealed class CandidateRankingTests(SparkServerFixture fixture)
{
    private const int TopN = 3;

    // Most popular first: 11 (0.6), 30 (0.5), 31 and 32 tied (0.4, lower item id first), 10 (0.3).
    private static readonly object?[][] s_fallback = [[31, 0.4], [10, 0.3], [11, 0.6], [32, 0.4], [30, 0.5]];

    [Fact]
    public async Task TopN_ModelThenFallback_SkipsKnownAndRepeatsAndBreaksTiesByItem()
    {
        DataFrame users = Users();
        // User 1 knows 10 and 11; ALS returned its tie 21/20 in that order. User 2 knows nothing. User 4 has no ALS row.
        DataFrame model = await fixture.Spark.SqlAsync("""
            SELECT 1 AS user, array(named_struct('item', 10, 'rating', CAST(0.9 AS FLOAT)), named_struct('item', 21, 'rating', CAST(0.8 AS FLOAT)),
                                    named_struct('item', 20, 'rating', CAST(0.8 AS FLOAT))) AS recommendations
            UNION ALL SELECT 2, array(named_struct('item', 30, 'rating', CAST(0.7 AS FLOAT)))
            """);

        DataFrame ranked = CandidateRanking.TopN(users, TopN, model, Fallback());

        Assert.Equal(
            [
                "1 1 20 als 0.8", "1 2 21 als 0.8", "1 3 30 popularity 0.5",
                "2 1 30 als 0.7", "2 2 11 popularity 0.6", "2 3 31 popularity 0.4",
                "4 1 31 popularity 0.4", "4 2 32 popularity 0.4", "4 3 10 popularity 0.3",
            ],
            await RowsAsync(ranked));
    }

    [Fact]
    public async Task TopN_WithoutModel_FallbackAloneWithoutKnownItems()
    {
        DataFrame ranked = CandidateRanking.TopN(Users(), TopN, null, Fallback());

        Assert.Equal(
            [
                "1 1 30 popularity 0.5", "1 2 31 popularity 0.4", "1 3 32 popularity 0.4",
                "2 1 11 popularity 0.6", "2 2 30 popularity 0.5", "2 3 31 popularity 0.4",
                "4 1 31 popularity 0.4", "4 2 32 popularity 0.4", "4 3 10 popularity 0.3",
            ],
            await RowsAsync(ranked));
    }

    [Fact]
    public async Task WithHistory_UsersWithoutPurchases_EmptyHistory()
    {
        DataFrame users = Users();

        Row[] rows = [.. await users.OrderBy(Col("user")).CollectAsync()];

        Assert.Equal([1, 2, 4], rows.Select(r => r.GetInt("user")).ToArray());
        Assert.Equal([2L, 0L, 2L], rows.Select(r => r.GetLong("known_count")).ToArray());
        Assert.Equal(2, await CandidateRanking.MaxKnownAsync(users));
        Assert.Equal(TopN + 2, CandidateRanking.FallbackSize(2, TopN));
    }

    [Fact]
    public async Task Candidates_EachCustomerOnceWithTopNPlusItsTierBound()
    {
        // (user, known_count): each tier's edges, and one customer above MaxHistory.
        long[] histories = [0, 5, 6, 20, 21, 80, 81, 320, 321, 1280, 1281, 6000];
        DataFrame users = fixture.Spark.CreateDataFrame([.. histories.Select((h, i) => new object?[] { i, h })], "user INT, known_count BIGINT");

        DataFrame asked = CandidateRanking.Candidates(users, 6000, TopN, (subset, count) => subset.Select(Col("user"), Lit(count).Alias("asked")));

        int[] bounds = [5, 5, 20, 20, 80, 80, 320, 320, 1280, 1280, 5000, 5000];
        int[] expected = [.. bounds.Select(b => TopN + b)];
        Assert.Equal(expected, (await asked.OrderBy(Col("user")).CollectAsync()).Select(r => r.GetInt("asked")).ToArray());
    }

    [Fact]
    public async Task Candidates_LastTierAsksForTheLargestHistory()
    {
        DataFrame users = fixture.Spark.CreateDataFrame([[1, 3L], [2, 700L]], "user INT, known_count BIGINT");

        DataFrame asked = CandidateRanking.Candidates(users, 700, TopN, (subset, count) => subset.Select(Col("user"), Lit(count).Alias("asked")));

        int[] expected = [TopN + 5, TopN + 700];
        Assert.Equal(expected, (await asked.OrderBy(Col("user")).CollectAsync()).Select(r => r.GetInt("asked")).ToArray());
    }

    private DataFrame Users()
    {
        // User 9 bought but is not asked for.
        DataFrame known = fixture.Spark.CreateDataFrame([[1, 10], [1, 11], [4, 11], [4, 30], [9, 10]], "user INT, item INT");
        return CandidateRanking.WithHistory(fixture.Spark.CreateDataFrame([[1], [2], [4]], "user INT"), known);
    }

    private DataFrame Fallback() => fixture.Spark.CreateDataFrame(s_fallback, "item INT, score DOUBLE");

    private static async Task<string[]> RowsAsync(DataFrame ranked) =>
        [.. (await ranked.OrderBy(Col("user"), Col("rank")).CollectAsync())
            .Select(r => FormattableString.Invariant($"{r.GetInt("user")} {r.GetInt("rank")} {r.GetInt("item")} {r.GetString("source")} {Math.Round(r.GetDouble("score"), 4)}"))];
}
