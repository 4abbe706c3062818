using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Recommendation;

/// <summary>A fitted <see cref="ALS"/> model held on the server: user and item factors, predictions and top-k recommendations.</summary>
/// <remarks>
/// <see cref="Model.Transform"/> adds a float <c>prediction</c> column; with <see cref="ColdStartStrategy"/> <c>drop</c>,
/// rows whose user or item was not in the training data are dropped instead of predicted as NaN.
/// </remarks>
public sealed partial class ALSModel : Model
{
    internal ALSModel(SparkSession session, string objectId, string uid)
        : base(session, objectId, uid)
    {
    }

    /// <summary>Gets the user factors: <c>id</c> int and <c>features</c> array&lt;float&gt;; lazy.</summary>
    public DataFrame UserFactors => FetchFrame(new MLMethod("userFactors"));

    /// <summary>Gets the item factors: <c>id</c> int and <c>features</c> array&lt;float&gt;; lazy.</summary>
    public DataFrame ItemFactors => FetchFrame(new MLMethod("itemFactors"));

    internal override string ClassName => "org.apache.spark.ml.recommendation.ALSModel";

    /// <summary>Loads a model saved with <see cref="Model.SaveAsync"/> into the server's ML cache.</summary>
    public static Task<ALSModel> LoadAsync(SparkSession spark, string path, CancellationToken cancellationToken = default) =>
        MLReader.LoadModelAsync(spark, path, "org.apache.spark.ml.recommendation.ALSModel", (s, id, uid) => new ALSModel(s, id, uid), cancellationToken);

    /// <summary>Fetches the rank (number of latent factors) of the model.</summary>
    public Task<int> RankAsync(CancellationToken cancellationToken = default) => FetchAsync<int>(cancellationToken, new MLMethod("rank"));

    /// <summary>The top <paramref name="numItems"/> items for every user: (<c>userCol</c>, <c>recommendations</c> array of (<c>itemCol</c>, <c>rating</c>)); lazy.</summary>
    public DataFrame RecommendForAllUsers(int numItems) => FetchFrame(new MLMethod("recommendForAllUsers", Positive(numItems)));

    /// <summary>The top <paramref name="numUsers"/> users for every item: (<c>itemCol</c>, <c>recommendations</c> array of (<c>userCol</c>, <c>rating</c>)); lazy.</summary>
    public DataFrame RecommendForAllItems(int numUsers) => FetchFrame(new MLMethod("recommendForAllItems", Positive(numUsers)));

    /// <summary>The top <paramref name="numItems"/> items for the users in the <c>userCol</c> column of <paramref name="users"/>; lazy.</summary>
    public DataFrame RecommendForUserSubset(DataFrame users, int numItems)
    {
        ArgumentNullException.ThrowIfNull(users);
        RequireSession(users);
        return FetchFrame(new MLMethod("recommendForUserSubset", users, Positive(numItems)));
    }

    /// <summary>The top <paramref name="numUsers"/> users for the items in the <c>itemCol</c> column of <paramref name="items"/>; lazy.</summary>
    public DataFrame RecommendForItemSubset(DataFrame items, int numUsers)
    {
        ArgumentNullException.ThrowIfNull(items);
        RequireSession(items);
        return FetchFrame(new MLMethod("recommendForItemSubset", items, Positive(numUsers)));
    }

    private static int Positive(int count, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(count))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count, name);
        return count;
    }
}
