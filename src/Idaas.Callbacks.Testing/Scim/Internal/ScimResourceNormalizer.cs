using System.Text.Json;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>
/// Turns a written resource into its stored form: canonical attribute names, coerced values, and read-only
/// attributes dropped.
/// </summary>
/// <remarks>
/// The coercions tolerate what identity providers send: booleans as <c>"True"</c> or <c>"false"</c> strings, a
/// single value where an array is expected, and the enterprise <c>manager</c> as a bare id string, which becomes
/// <c>{"value": id}</c> as RFC 7643, section 4.3 defines it. A <see langword="null"/>, empty array or empty object
/// clears the attribute. At most one value of a multi-valued attribute stays primary: the first. Unknown
/// attributes are kept as written. Anything else of the wrong type throws
/// <c>invalidValue</c>.
/// </remarks>
internal static class ScimResourceNormalizer
{
    public static JsonObject Normalize(JsonObject input, ScimResourceSchema schema)
    {
        var output = new JsonObject();
        foreach (var (key, value) in input)
        {
            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (schema.FindSchemaUrn(key) is { } urn && !schema.IsCore(urn))
            {
                var extension = NormalizeExtension(urn, value, schema);
                if (extension.Count > 0)
                {
                    output[urn] = extension;
                }

                continue;
            }

            if (schema.Find(null, key) is not { } definition)
            {
                if (value is not null)
                {
                    output[key] = value.DeepClone();
                }

                continue;
            }

            if (definition.IsReadOnly)
            {
                // RFC 7644, section 3.5.1: read-only attributes in a request are ignored.
                continue;
            }

            if (NormalizeValue(definition, value, key) is { } normalized)
            {
                output[definition.Name] = normalized;
            }
        }

        return output;
    }

    /// <summary>Coerces a value for one attribute, or returns <see langword="null"/> when it clears the attribute.</summary>
    public static JsonNode? NormalizeValue(ScimAttributeDefinition definition, JsonNode? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        if (definition.MultiValued)
        {
            var items = value is JsonArray array ? array.ToList() : [value];
            var normalized = new JsonArray();
            foreach (var item in items)
            {
                if (NormalizeSingle(definition, item, path) is { } single)
                {
                    normalized.Add(single);
                }
            }

            KeepFirstPrimary(normalized);
            return normalized.Count > 0 ? normalized : null;
        }

        return NormalizeSingle(definition, value, path);
    }

    /// <summary>Clears <c>primary</c> on every value after the first primary one (RFC 7643, section 2.4).</summary>
    private static void KeepFirstPrimary(JsonArray values)
    {
        var seen = false;
        foreach (var value in values.OfType<JsonObject>())
        {
            if (ScimJson.IsTrue(value["primary"]))
            {
                if (seen)
                {
                    value["primary"] = false;
                }

                seen = true;
            }
        }
    }

    private static JsonObject NormalizeExtension(string urn, JsonNode? value, ScimResourceSchema schema)
    {
        if (value is null)
        {
            return [];
        }

        if (value is not JsonObject extension)
        {
            throw ScimException.InvalidValue($"The extension '{urn}' must be a JSON object.");
        }

        var output = new JsonObject();
        foreach (var (key, item) in extension)
        {
            var definition = schema.Find(urn, key);
            var name = definition?.Name ?? key;
            var normalized = definition is null ? item?.DeepClone() : NormalizeValue(definition, item, $"{urn}:{key}");
            if (normalized is not null && definition?.IsReadOnly != true)
            {
                output[name] = normalized;
            }
        }

        return output;
    }

    private static JsonNode? NormalizeSingle(ScimAttributeDefinition definition, JsonNode? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        if (definition.Type == ScimAttributeType.Complex)
        {
            return NormalizeComplex(definition, value, path);
        }

        if (value is not JsonValue scalar)
        {
            throw ScimException.InvalidValue($"'{path}' must be a single {definition.Type.ToString().ToLowerInvariant()} value, not a JSON {value.GetValueKind().ToString().ToLowerInvariant()}.");
        }

        return definition.Type switch
        {
            ScimAttributeType.Boolean => JsonValue.Create(ToBoolean(scalar, path)),
            ScimAttributeType.Integer or ScimAttributeType.Decimal when scalar.GetValueKind() == JsonValueKind.Number => scalar.DeepClone(),
            ScimAttributeType.Integer or ScimAttributeType.Decimal => throw ScimException.InvalidValue($"'{path}' must be a number."),
            _ when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>().Length > 0 ? scalar.DeepClone() : null,
            _ => throw ScimException.InvalidValue($"'{path}' must be a string."),
        };
    }

    private static JsonObject? NormalizeComplex(ScimAttributeDefinition definition, JsonNode value, string path)
    {
        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String && definition.FindSubAttribute("value") is not null)
        {
            // Microsoft Entra ID sends the enterprise manager as a bare id string.
            return new JsonObject { ["value"] = scalar.GetValue<string>() };
        }

        if (value is not JsonObject complex)
        {
            throw ScimException.InvalidValue($"'{path}' must be a JSON object with the sub-attributes {string.Join(", ", definition.SubAttributes.Select(a => a.Name))}.");
        }

        var output = new JsonObject();
        foreach (var (key, item) in complex)
        {
            var sub = definition.FindSubAttribute(key);
            var normalized = sub is null ? item?.DeepClone() : NormalizeSingle(sub, item, $"{path}.{key}");
            if (normalized is not null)
            {
                output[sub?.Name ?? key] = normalized;
            }
        }

        return output.Count > 0 ? output : null;
    }

    private static bool ToBoolean(JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed):
                return parsed;
            default:
                throw ScimException.InvalidValue($"'{path}' must be a boolean, true or false; found {value.ToJsonString()}.");
        }
    }
}
