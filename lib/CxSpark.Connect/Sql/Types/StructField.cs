namespace CxSpark.Connect.Sql.Types;

/// <summary>A named, typed field of a <see cref="StructType"/>.</summary>
/// <param name="Name">The field name.</param>
/// <param name="DataType">The field type.</param>
/// <param name="Nullable">Whether the field may be null.</param>
/// <param name="Metadata">The field metadata as a JSON object; <c>{}</c> when there is none.</param>
public sealed record StructField(string Name, DataType DataType, bool Nullable = true, string Metadata = "{}")
{
    /// <summary>Gets the field in DDL form, such as <c>id BIGINT NOT NULL</c>.</summary>
    public string Ddl => $"{Quote(Name)} {DataType.Sql}{(Nullable ? string.Empty : " NOT NULL")}{DdlComment()}";

    private string DdlComment()
    {
        using var metadata = System.Text.Json.JsonDocument.Parse(Metadata);
        if (metadata.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
            || !metadata.RootElement.TryGetProperty("comment", out System.Text.Json.JsonElement comment)
            || comment.ValueKind != System.Text.Json.JsonValueKind.String)
        {
            return string.Empty;
        }

        string escaped = comment.GetString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        return $" COMMENT '{escaped}'";
    }

    internal static string Quote(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? name
            : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
