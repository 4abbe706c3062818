using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>
/// The dense integer ids ALS needs for string customer and product ids: the ids MLlib's <c>StringIndexer</c> assigns
/// with <c>frequencyDesc</c> (0 = the id in most pairs, ties alphabetical), computed in SQL as two cached id tables that
/// both index the feedback (broadcast joins) and map results back.
/// </summary>
/// <remarks>
/// One aggregate over the pairs counts customers and products together. A <c>StringIndexer</c> fit counts them too, but
/// the id tables then had to be derived from its output, and each of them (and the fit) re-aggregated every signal into
/// pairs. Numbering an id table sorts it in one task, and indexing broadcasts it: the same bounds as
/// <c>StringIndexer</c>, whose model holds every label on the driver.
/// </remarks>
public sealed class IdIndex : IAsyncDisposable
{
    private IdIndex(DataFrame customers, DataFrame products)
    {
        Customers = customers;
        Products = products;
    }

    /// <summary>(<c>customer_id</c>, <c>user</c>) for every indexed customer; cached on the server.</summary>
    public DataFrame Customers { get; }

    /// <summary>(<c>product_id</c>, <c>item</c>) for every indexed product; cached on the server.</summary>
    public DataFrame Products { get; }

    /// <summary>Learns the ids of every customer and product in <paramref name="pairs"/> (distinct <c>customer_id</c>, <c>product_id</c>).</summary>
    public static async Task<IdIndex> FitAsync(DataFrame pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        DataFrame counts = await pairs
            .Select(Explode(Array(
                Struct(Lit(0).Alias("kind"), Col("customer_id").Alias("id")),
                Struct(Lit(1).Alias("kind"), Col("product_id").Alias("id")))).Alias("key"))
            .GroupBy(Col("key").GetField("kind").Alias("kind"), Col("key").GetField("id").Alias("id"))
            .Agg(Count("*").Alias("pairs"))
            .CacheAsync(cancellationToken).ConfigureAwait(false);
        DataFrame? customers = null;
        DataFrame? products = null;
        try
        {
            customers = await Numbered(counts, 0, "customer_id", "user").CacheAsync(cancellationToken).ConfigureAwait(false);
            products = await Numbered(counts, 1, "product_id", "item").CacheAsync(cancellationToken).ConfigureAwait(false);
            // Materialised while the counts are cached, which are then released.
            await customers.CountAsync(cancellationToken).ConfigureAwait(false);
            await products.CountAsync(cancellationToken).ConfigureAwait(false);
            return new IdIndex(customers, products);
        }
        catch
        {
            await ReleaseAsync(customers).ConfigureAwait(false);
            await ReleaseAsync(products).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await counts.UnpersistAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Adds integer <c>user</c> and <c>item</c> columns to a frame with <c>customer_id</c> and <c>product_id</c> (broadcast joins; ids not in the index drop out).</summary>
    public DataFrame Index(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame
            .Join(Customers.Hint("broadcast"), ["customer_id"], JoinType.Inner)
            .Join(Products.Hint("broadcast"), ["product_id"], JoinType.Inner);
    }

    /// <summary>Replaces <c>user</c> and <c>item</c> columns with <c>customer_id</c> and <c>product_id</c> (broadcast joins for products).</summary>
    public DataFrame Unindex(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame
            .Join(Customers, ["user"], JoinType.Inner)
            .Join(Products.Hint("broadcast"), ["item"], JoinType.Inner)
            .Drop("user", "item");
    }

    /// <summary>Releases the cached id tables on the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync(Customers).ConfigureAwait(false);
        await ReleaseAsync(Products).ConfigureAwait(false);
    }

    /// <summary>The ids of one kind numbered from 0 by pair count (descending), ties by id: StringIndexer's frequencyDesc.</summary>
    private static DataFrame Numbered(DataFrame counts, int kind, string idColumn, string indexColumn) => counts
        .Filter(Col("kind") == kind)
        .Select(
            Col("id").Alias(idColumn),
            (RowNumber().Over(Window.OrderBy(Col("pairs").Desc(), Col("id"))) - 1).Cast("INT").Alias(indexColumn));

    private static async Task ReleaseAsync(DataFrame? frame)
    {
        if (frame is not null)
        {
            await frame.UnpersistAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }
}
