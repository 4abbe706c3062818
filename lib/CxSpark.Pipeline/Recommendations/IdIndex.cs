using CxSpark.Connect.ML.Feature;
using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>
/// The dense integer ids ALS needs for string customer and product ids, learnt by Spark MLlib's
/// <see cref="StringIndexer"/> (most frequent first) and mapped back by joins with the id tables.
/// </summary>
public sealed class IdIndex : IAsyncDisposable
{
    private readonly StringIndexerModel _model;

    private IdIndex(StringIndexerModel model, DataFrame customers, DataFrame products)
    {
        _model = model;
        Customers = customers;
        Products = products;
    }

    /// <summary>(<c>customer_id</c>, <c>user</c>) for every indexed customer; cached on the server.</summary>
    public DataFrame Customers { get; }

    /// <summary>(<c>product_id</c>, <c>item</c>) for every indexed product; cached on the server.</summary>
    public DataFrame Products { get; }

    /// <summary>Learns the ids of every customer and product in <paramref name="pairs"/> (<c>customer_id</c>, <c>product_id</c>).</summary>
    public static async Task<IdIndex> FitAsync(DataFrame pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        StringIndexerModel model = await new StringIndexer
        {
            InputCols = ["customer_id", "product_id"],
            OutputCols = ["user_index", "item_index"],
            StringOrderType = "frequencyDesc",
        }.FitAsync(pairs.Select("customer_id", "product_id"), cancellationToken).ConfigureAwait(false);
        try
        {
            DataFrame indexed = Indexed(model, pairs.Select("customer_id", "product_id"));
            DataFrame customers = await indexed.Select("customer_id", "user").Distinct().CacheAsync(cancellationToken).ConfigureAwait(false);
            DataFrame products = await indexed.Select("product_id", "item").Distinct().CacheAsync(cancellationToken).ConfigureAwait(false);
            return new IdIndex(model, customers, products);
        }
        catch
        {
            await model.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Adds integer <c>user</c> and <c>item</c> columns to a frame with <c>customer_id</c> and <c>product_id</c>.</summary>
    public DataFrame Index(DataFrame pairs) => Indexed(_model, pairs);

    /// <summary>Replaces <c>user</c> and <c>item</c> columns with <c>customer_id</c> and <c>product_id</c> (broadcast joins for products).</summary>
    public DataFrame Unindex(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame
            .Join(Customers, ["user"], JoinType.Inner)
            .Join(Products.Hint("broadcast"), ["item"], JoinType.Inner)
            .Drop("user", "item");
    }

    /// <summary>Releases the cached id tables and the indexer model on the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await Customers.UnpersistAsync().ConfigureAwait(false);
        await Products.UnpersistAsync().ConfigureAwait(false);
        await _model.DisposeAsync().ConfigureAwait(false);
    }

    private static DataFrame Indexed(StringIndexerModel model, DataFrame pairs) => model.Transform(pairs)
        .WithColumn("user", Col("user_index").Cast("INT"))
        .WithColumn("item", Col("item_index").Cast("INT"))
        .Drop("user_index", "item_index");
}
