using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>Top-N lists from an ALS model, filled from the popularity ranking when the model has too few unknown products.</summary>
public static class Recommender
{
    /// <summary>
    /// The top <paramref name="topN"/> (<c>user</c>, <c>item</c>, <c>score</c>, <c>source</c>, <c>rank</c>) for
    /// <paramref name="users"/> (<c>user</c>, <c>known_count</c>), never a <paramref name="known"/> pair: ALS first
    /// (<c>source</c> "als", score = the model's preference), then popularity (<c>source</c> "popularity", score = share of
    /// recent buyers). A null <paramref name="model"/> gives the popularity baseline. <paramref name="maxKnown"/> is the
    /// largest <c>known_count</c> of the users (<see cref="CandidateRanking.MaxKnownAsync"/>).
    /// </summary>
    public static DataFrame Recommend(ALSModel? model, DataFrame users, long maxKnown, DataFrame known, Popularity popularity, int topN)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(popularity);
        var sources = new List<(string, DataFrame)>();
        if (model is not null)
        {
            sources.Add(("als", CandidateRanking.Candidates(
                users, maxKnown, topN, (subset, count) => CandidateRanking.Flatten(model.RecommendForUserSubset(subset, count)))));
        }

        sources.Add(("popularity", CandidateRanking.Candidates(users, maxKnown, topN, popularity.Candidates)));
        return CandidateRanking.TopN(known, topN, [.. sources]);
    }
}
