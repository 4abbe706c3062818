namespace CxSpark.Connect.Sql;

/// <summary>String functions.</summary>
public static partial class Functions
{
    /// <summary>The arguments joined end to end (null if any is null).</summary>
    public static Column Concat(params Column[] columns) => Fn("concat", columns);

    /// <summary>The arguments joined with a separator, skipping nulls.</summary>
    public static Column ConcatWs(string separator, params Column[] columns) => Fn("concat_ws", columns.Prepend(Lit(separator)).ToArray());

    /// <summary>The string in lower case.</summary>
    public static Column Lower(Column column) => Fn("lower", column);

    /// <summary>The string in upper case.</summary>
    public static Column Upper(Column column) => Fn("upper", column);

    /// <summary>The string with each word capitalised.</summary>
    public static Column InitCap(Column column) => Fn("initcap", column);

    /// <summary>The string without leading and trailing spaces.</summary>
    public static Column Trim(Column column) => Fn("trim", column);

    /// <summary>The string without leading spaces.</summary>
    public static Column LTrim(Column column) => Fn("ltrim", column);

    /// <summary>The string without trailing spaces.</summary>
    public static Column RTrim(Column column) => Fn("rtrim", column);

    /// <summary>The number of characters (or bytes of a binary).</summary>
    public static Column Length(Column column) => Fn("length", column);

    /// <summary>The substring at a 1-based position with the given length.</summary>
    public static Column Substring(Column column, int position, int length) => Fn("substring", column, position, length);

    /// <summary>The leftmost characters.</summary>
    public static Column Left(Column column, int length) => Fn("left", column, length);

    /// <summary>The rightmost characters.</summary>
    public static Column Right(Column column, int length) => Fn("right", column, length);

    /// <summary>The string with every match of a Java regular expression replaced.</summary>
    public static Column RegexpReplace(Column column, string pattern, string replacement) => Fn("regexp_replace", column, pattern, replacement);

    /// <summary>A group of the first match of a Java regular expression, or an empty string.</summary>
    public static Column RegexpExtract(Column column, string pattern, int group) => Fn("regexp_extract", column, pattern, group);

    /// <summary>True where the string matches a Java regular expression.</summary>
    public static Column RegexpLike(Column column, string pattern) => Fn("regexp_like", column, pattern);

    /// <summary>The string split around matches of a Java regular expression.</summary>
    public static Column Split(Column column, string pattern, int limit = -1) => Fn("split", column, pattern, limit);

    /// <summary>The string left-padded to a length.</summary>
    public static Column LPad(Column column, int length, string pad) => Fn("lpad", column, length, pad);

    /// <summary>The string right-padded to a length.</summary>
    public static Column RPad(Column column, int length, string pad) => Fn("rpad", column, length, pad);

    /// <summary>The string (or array) reversed.</summary>
    public static Column Reverse(Column column) => Fn("reverse", column);

    /// <summary>The string repeated.</summary>
    public static Column Repeat(Column column, int times) => Fn("repeat", column, times);

    /// <summary>The string with characters replaced one for one.</summary>
    public static Column Translate(Column column, string matching, string replacement) => Fn("translate", column, matching, replacement);

    /// <summary>The 1-based position of a substring, or 0.</summary>
    public static Column Instr(Column column, string substring) => Fn("instr", column, substring);

    /// <summary>The string with every occurrence of <paramref name="search"/> replaced.</summary>
    public static Column Replace(Column column, string search, string replacement) => Fn("replace", column, search, replacement);

    /// <summary>A printf-style formatted string.</summary>
    public static Column FormatString(string format, params Column[] columns) => Fn("format_string", columns.Prepend(Lit(format)).ToArray());

    /// <summary>The number formatted with grouping and the given decimal places.</summary>
    public static Column FormatNumber(Column column, int decimals) => Fn("format_number", column, decimals);

    /// <summary>The Levenshtein distance of two strings.</summary>
    public static Column Levenshtein(Column left, Column right) => Fn("levenshtein", left, right);

    /// <summary>The Base64 encoding of a binary.</summary>
    public static Column Base64(Column column) => Fn("base64", column);

    /// <summary>A Base64 string decoded to a binary.</summary>
    public static Column UnBase64(Column column) => Fn("unbase64", column);

    /// <summary>True where the string starts with the prefix.</summary>
    public static Column StartsWith(Column column, Column prefix) => Fn("startswith", column, prefix);

    /// <summary>True where the string ends with the suffix.</summary>
    public static Column EndsWith(Column column, Column suffix) => Fn("endswith", column, suffix);
}
