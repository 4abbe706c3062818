using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>The products ALS learns and recommends: the most bought of the recent past, at most a fixed number.</summary>
/// <remarks>
/// Scoring every customer against every product costs customers × products and grows with the square of the data; scoring
/// against a capped set of products that are still selling grows with the customers only. ALS is fitted on the feedback
/// of these products, so its top-N lists, its similar products and its evaluation all use the same set; a customer
/// whose history holds none of them is served from popularity.
/// </remarks>
public static class CandidateProducts
{
    /// <summary>
    /// The items (<c>item</c>) with the most distinct buyers in the <paramref name="days"/> before <paramref name="until"/>,
    /// at most <paramref name="limit"/> (ties by item id). Ratings are sparse in time, so explicit feedback counts raters
    /// over all the data before <paramref name="until"/>.
    /// </summary>
    public static DataFrame Of(Feedback feedback, DateTime until, int days, int limit)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        DateTime? from = feedback.IsExplicit ? null : until.AddDays(-days);
        return feedback.Known(from, until)
            .GroupBy("item")
            .Agg(Count("*").Alias("buyers"))
            .OrderBy(Col("buyers").Desc(), Col("item"))
            .Limit(limit)
            .Select("item");
    }

    /// <summary>The rows of <paramref name="frame"/> (with an <c>item</c> column) whose item is one of <paramref name="candidates"/>.</summary>
    public static DataFrame Restrict(DataFrame frame, DataFrame candidates)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Join(candidates.Hint("broadcast"), ["item"], JoinType.LeftSemi);
    }
}
