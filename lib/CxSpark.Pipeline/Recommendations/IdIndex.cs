using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Recommendations;

/// <summary>
/// The dense integer ids ALS needs for string customer and product ids: the ids MLlib's <c>StringIndexer</c> assigns
/// with <c>frequencyDesc</c> (0 = the id in most pairs, ties alphabetical), computed in SQL into one cached id table that
/// both indexes the feedback (broadcast joins) and maps results back.
/// </summary>
/// <remarks>
/// One aggregate over the pairs counts customers and products together. A <c>StringIndexer</c> fit counts them too, but
/// the id tables then had to be derived from its output, and each of them (and the fit) re-aggregated every signal into
/// pairs. Numbering sorts each kind's ids in one task, and indexing broadcasts them: the same bounds as
/// <c>StringIndexer</c>, whose model holds every label on the driver.
/// </remarks>
public sealed class IdIndex
{
    private const int CustomerKind = 0;
    private const int ProductKind = 1;

    private IdIndex(DataFrame ids)
    {
        Customers = Of(ids, CustomerKind, "customer_id", "user");
        Products = Of(ids, ProductKind, "product_id", "item");
    }

    /// <summary>(<c>customer_id</c>, <c>user</c>) for every indexed customer; read from the cached id table.</summary>
    public DataFrame Customers { get; }

    /// <summary>(<c>product_id</c>, <c>item</c>) for every indexed product; read from the cached id table.</summary>
    public DataFrame Products { get; }

    /// <summary>
    /// Learns the ids of every customer and product in <paramref name="pairs"/> (distinct <c>customer_id</c>, <c>product_id</c>);
    /// the id table stays cached until <paramref name="cache"/> ends.
    /// </summary>
    public static async Task<IdIndex> FitAsync(DataFrame pairs, CacheScope cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(cache);
        // One table for both kinds: every cached frame the stage builds on the indexed feedback carries this plan, and
        // Spark prints (and re-plans) nested cached plans in every query, so one level of caching costs less than three.
        DataFrame ids = await cache.CacheAsync(pairs
            .Select(Explode(Array(
                Struct(Lit(CustomerKind).Alias("kind"), Col("customer_id").Alias("id")),
                Struct(Lit(ProductKind).Alias("kind"), Col("product_id").Alias("id")))).Alias("key"))
            .GroupBy(Col("key").GetField("kind").Alias("kind"), Col("key").GetField("id").Alias("id"))
            .Agg(Count("*").Alias("pairs"))
            .Select(Col("kind"), Col("id"),
                (RowNumber().Over(Window.PartitionBy("kind").OrderBy(Col("pairs").Desc(), Col("id"))) - 1).Cast("INT").Alias("index")),
            cancellationToken).ConfigureAwait(false);
        return new IdIndex(ids);
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

    /// <summary>The ids of one kind, numbered from 0 by pair count (descending), ties by id: StringIndexer's frequencyDesc.</summary>
    private static DataFrame Of(DataFrame ids, int kind, string idColumn, string indexColumn) =>
        ids.Filter(Col("kind") == kind).Select(Col("id").Alias(idColumn), Col("index").Alias(indexColumn));
}
