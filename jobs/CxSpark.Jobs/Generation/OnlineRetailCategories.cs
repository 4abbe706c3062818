using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Jobs.Generation;

/// <summary>Product categories for Online Retail, which has none, from keywords in the description (first match wins).</summary>
public static class OnlineRetailCategories
{
    /// <summary>Category name and the regular expression its descriptions match, in precedence order.</summary>
    public static IReadOnlyList<(string Category, string Pattern)> Rules { get; } =
    [
        ("Seasonal", "CHRISTMAS|XMAS|ADVENT|EASTER|HALLOWEEN"),
        ("Bags", "\\bBAGS?\\b|TOTE|PURSE|SHOPPER"),
        ("Lighting & candles", "CANDLE|LIGHT|LANTERN|T-LIGHT|LAMP"),
        ("Kitchen & dining", "MUG|CUP|PLATE|BOWL|\\bTEA\\b|JAR|BAKING|CAKE|LUNCH|BOTTLE|SPOON|NAPKIN|TIN"),
        ("Stationery & gift wrap", "CARD|WRAP|PAPER|NOTEBOOK|PENCIL|STICKER|ENVELOPE|RIBBON"),
        ("Toys & party", "TOY|GAME|DOLL|PUZZLE|CHILDREN|SPACEBOY|PARTY|BALLOON"),
        ("Jewellery", "NECKLACE|BRACELET|EARRINGS|\\bRING\\b|JEWEL"),
        ("Garden", "GARDEN|PLANT|FLOWER|BIRD"),
        ("Home decor", "SIGN|FRAME|CLOCK|MIRROR|CUSHION|DOORMAT|HOOK|DECORATION|ORNAMENT|HEART|HANGING"),
    ];

    /// <summary>The fallback category.</summary>
    public const string Other = "Other";

    /// <summary>The category expression over a description column (null descriptions get <see cref="Other"/>).</summary>
    public static Column Of(Column description)
    {
        Column upper = Upper(Coalesce(description, Lit(string.Empty)));
        Column? category = null;
        foreach ((string name, string pattern) in Rules)
        {
            Column matches = RegexpLike(upper, pattern);
            category = category is null ? When(matches, name) : category.When(matches, name);
        }

        return category!.Otherwise(Other);
    }
}
