using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxSpark.Connect.Sql.Types;

/// <summary>Spark's JSON form of data types (<c>DataType.json</c> / <c>DataType.fromJson</c>).</summary>
internal static class DataTypeJson
{
    internal static string Write(DataType type) => ToNode(type).ToJsonString();

    internal static DataType Read(string json)
    {
        try
        {
            return FromNode(JsonNode.Parse(json) ?? throw new FormatException("Empty JSON type."));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a Spark type in JSON form: {ex.Message}", ex);
        }
    }

    private static JsonNode ToNode(DataType type) => type switch
    {
        ArrayType a => new JsonObject { ["type"] = "array", ["elementType"] = ToNode(a.ElementType), ["containsNull"] = a.ContainsNull },
        MapType m => new JsonObject
        {
            ["type"] = "map",
            ["keyType"] = ToNode(m.KeyType),
            ["valueType"] = ToNode(m.ValueType),
            ["valueContainsNull"] = m.ValueContainsNull,
        },
        StructType s => new JsonObject
        {
            ["type"] = "struct",
            ["fields"] = new JsonArray(s.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["type"] = ToNode(f.DataType),
                ["nullable"] = f.Nullable,
                ["metadata"] = JsonNode.Parse(f.Metadata),
            }).ToArray()),
        },
        UserDefinedType u => new JsonObject
        {
            ["type"] = "udt",
            ["class"] = u.JvmClass,
            ["pyClass"] = u.PythonClass,
            ["sqlType"] = ToNode(u.SqlType),
        },
        _ => JsonValue.Create(type.TypeName),
    };

    private static DataType FromNode(JsonNode node)
    {
        if (node is JsonValue value)
        {
            return value.GetValue<string>() switch
            {
                "interval day to second" => new DayTimeIntervalType(),
                "interval year to month" => new YearMonthIntervalType(),
                string name => DdlParser.ParseType(NormalizeName(name)),
            };
        }

        JsonObject obj = node.AsObject();
        string kind = obj["type"]?.GetValue<string>() ?? throw new FormatException($"A JSON type has no 'type': {node.ToJsonString()}");
        return kind switch
        {
            "array" => new ArrayType(FromNode(Required(obj, "elementType")), obj["containsNull"]?.GetValue<bool>() ?? true),
            "map" => new MapType(
                FromNode(Required(obj, "keyType")),
                FromNode(Required(obj, "valueType")),
                obj["valueContainsNull"]?.GetValue<bool>() ?? true),
            "struct" => new StructType(Required(obj, "fields").AsArray().Select(f => new StructField(
                Required(f!.AsObject(), "name").GetValue<string>(),
                FromNode(Required(f.AsObject(), "type")),
                f["nullable"]?.GetValue<bool>() ?? true,
                f["metadata"]?.ToJsonString() ?? "{}"))),
            "udt" => new UserDefinedType(
                Required(obj, "class").GetValue<string>(),
                FromNode(Required(obj, "sqlType")),
                obj["pyClass"]?.GetValue<string>()),
            _ => throw new FormatException($"Unknown JSON type '{kind}'."),
        };
    }

    private static string NormalizeName(string name) => name switch
    {
        "integer" => "INT",
        "long" => "BIGINT",
        "short" => "SMALLINT",
        "byte" => "TINYINT",
        "null" or "void" => "VOID",
        "interval" => throw new FormatException("Calendar intervals are not supported in schemas."),
        _ => name,
    };

    private static JsonNode Required(JsonObject obj, string key) =>
        obj[key] ?? throw new FormatException($"A JSON type lacks '{key}': {obj.ToJsonString()}");
}
