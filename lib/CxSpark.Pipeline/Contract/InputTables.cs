namespace CxSpark.Pipeline.Contract;

/// <summary>The five raw-zone tables of the input contract.</summary>
public static class InputTables
{
    /// <summary>Purchases and returns, one row per line item (required).</summary>
    public static TableContract Transactions { get; } = new("transactions", true,
    [
        new("transaction_id", "STRING", IsKey: true),
        new("customer_id", "STRING", IsKey: true),
        new("product_id", "STRING", IsKey: true),
        new("quantity", "BIGINT"),
        new("unit_price", "DOUBLE"),
        new("event_time", "TIMESTAMP"),
        new("country", "STRING", IsRequired: false),
        new("channel", "STRING", IsRequired: false),
    ]);

    /// <summary>Customer master data; the latest <c>updated_at</c> per customer wins.</summary>
    public static TableContract Customers { get; } = new("customers", false,
    [
        new("customer_id", "STRING", IsKey: true),
        new("signup_time", "TIMESTAMP", IsRequired: false),
        new("country", "STRING", IsRequired: false),
        new("email", "STRING", IsRequired: false, IsPii: true),
        new("birth_year", "BIGINT", IsRequired: false),
        new("updated_at", "TIMESTAMP", IsRequired: false),
    ]);

    /// <summary>Product master data; the latest <c>updated_at</c> per product wins.</summary>
    public static TableContract Products { get; } = new("products", false,
    [
        new("product_id", "STRING", IsKey: true),
        new("name", "STRING", IsRequired: false),
        new("category", "STRING", IsRequired: false),
        new("list_price", "DOUBLE", IsRequired: false),
        new("updated_at", "TIMESTAMP", IsRequired: false),
    ]);

    /// <summary>Behavioural events (views, carts, searches, ...).</summary>
    public static TableContract Events { get; } = new("events", false,
    [
        new("event_id", "STRING", IsKey: true),
        new("customer_id", "STRING", IsKey: true),
        new("product_id", "STRING", IsRequired: false),
        new("event_type", "STRING"),
        new("event_time", "TIMESTAMP"),
        new("session_id", "STRING", IsRequired: false),
    ]);

    /// <summary>Explicit ratings of products by customers.</summary>
    public static TableContract Ratings { get; } = new("ratings", false,
    [
        new("customer_id", "STRING", IsKey: true),
        new("product_id", "STRING", IsKey: true),
        new("rating", "DOUBLE"),
        new("event_time", "TIMESTAMP", IsRequired: false),
    ]);

    /// <summary>All tables in processing order.</summary>
    public static IReadOnlyList<TableContract> All { get; } = [Transactions, Customers, Products, Events, Ratings];

    /// <summary>The contract named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No table has that name.</exception>
    public static TableContract Get(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"Unknown input table '{name}'.", nameof(name));
}
