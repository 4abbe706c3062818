using CxSpark.Connect.Sql;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Contract;

/// <summary>Trims Unicode whitespace, not only the ASCII space Spark's <c>trim</c> removes, with one Spark SQL regular expression.</summary>
/// <remarks>
/// Spark's <c>trim</c> removes only U+0020, so a key of a tab, a no-break space (U+00A0, U+2007, U+202F) or an
/// ideographic space (U+3000) was neither blank nor equal to the same key without it. The class is Unicode's
/// <c>White_Space</c> property (Java's <c>\p{IsWhite_Space}</c>: tab, line breaks, NEL, the Zs spaces, U+2028, U+2029)
/// plus the invisible U+180E, U+200B, U+2060 and U+FEFF (byte order mark). Inner characters are kept.
/// </remarks>
public static class UnicodeBlanks
{
    private const string Blank = @"[\p{IsWhite_Space}\x{180E}\x{200B}\x{2060}\x{FEFF}]";

    /// <summary>The Java regular expression of leading and trailing blanks.</summary>
    public const string EdgePattern = "^" + Blank + "+|" + Blank + "+$";

    /// <summary><paramref name="text"/> without leading and trailing Unicode blanks; null stays null.</summary>
    public static Column Trim(Column text) => RegexpReplace(text, EdgePattern, "");

    /// <summary>True where <paramref name="value"/> is null or, as text, only Unicode blanks.</summary>
    public static Column IsBlank(Column value) => value.IsNull() | (Trim(value.Cast("STRING")) == "");
}
