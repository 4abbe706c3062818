using CxSpark.Connect.ML.Recommendation;
using CxSpark.Connect.Sql;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>Top-N lists from an ALS model, filled from the popularity ranking when the model has too few unknown products.</summary>
public static class Recommender
{
    /// <summary>
    /// The top <paramref name="topN"/> (<c>user</c>, <c>item</c>, <c>score</c>, <c>source</c>, <c>rank</c>) for
    /// <paramref name="users"/> (<c>user</c>, <c>known_items</c>, <c>known_count</c>: <see cref="CandidateRanking.WithHistory"/>),
    /// never a known item: ALS first (<c>source</c> "als", score = the model's preference), then popularity (<c>source</c>
    /// "popularity", score = share of recent buyers). A null <paramref name="model"/> gives the popularity baseline.
    /// <paramref name="maxKnown"/> is the largest <c>known_count</c> of the users (<see cref="CandidateRanking.MaxKnownAsync"/>).
    /// </summary>
    public static DataFrame Recommend(ALSModel? model, DataFrame users, long maxKnown, Popularity popularity, int topN)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(popularity);
        DataFrame? candidates = model is null
            ? null
            : CandidateRanking.Candidates(users, maxKnown, topN, model.RecommendForUserSubset);
        return CandidateRanking.TopN(users, topN, candidates, popularity.Top(CandidateRanking.FallbackSize(maxKnown, topN)));
    }
}
