using System.Text.Json;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>JSON helpers for SCIM, whose attribute names are case-insensitive (RFC 7643, section 2.1).</summary>
internal static class ScimJson
{
    /// <summary>Returns the actual key of a property, matched without case, or <see langword="null"/>.</summary>
    public static string? FindKey(JsonObject json, string name)
    {
        if (json.ContainsKey(name))
        {
            return name;
        }

        foreach (var property in json)
        {
            if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Key;
            }
        }

        return null;
    }

    /// <summary>Returns a property's value, matched without case, or <see langword="null"/>.</summary>
    public static JsonNode? Get(JsonObject json, string name) => FindKey(json, name) is { } key ? json[key] : null;

    /// <summary>Sets a property, replacing one whose name differs only in case.</summary>
    public static void Set(JsonObject json, string name, JsonNode? value)
    {
        if (FindKey(json, name) is { } key && !string.Equals(key, name, StringComparison.Ordinal))
        {
            json.Remove(key);
        }

        json[name] = value;
    }

    /// <summary>Removes a property matched without case.</summary>
    public static bool Remove(JsonObject json, string name) => FindKey(json, name) is { } key && json.Remove(key);

    /// <summary>Returns the string of a JSON string value, or <see langword="null"/> for other kinds.</summary>
    public static string? AsString(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Returns whether a node is a JSON <c>true</c>.</summary>
    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;
}
