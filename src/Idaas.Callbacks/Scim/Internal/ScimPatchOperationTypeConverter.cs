using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Reads a PATCH <c>op</c> in any case (<c>Add</c>, <c>REPLACE</c>), as some identity providers send it, and
/// writes it in lowercase as RFC 7644 section 3.5.2 spells it.
/// </summary>
internal sealed class ScimPatchOperationTypeConverter : JsonConverter<ScimPatchOperationType>
{
    public override ScimPatchOperationType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (string.Equals(text, "add", StringComparison.OrdinalIgnoreCase))
        {
            return ScimPatchOperationType.Add;
        }

        if (string.Equals(text, "remove", StringComparison.OrdinalIgnoreCase))
        {
            return ScimPatchOperationType.Remove;
        }

        if (string.Equals(text, "replace", StringComparison.OrdinalIgnoreCase))
        {
            return ScimPatchOperationType.Replace;
        }

        throw new JsonException($"The PATCH op '{text}' is not add, remove or replace.");
    }

    public override void Write(Utf8JsonWriter writer, ScimPatchOperationType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToWireName(value));
    }

    public static string ToWireName(ScimPatchOperationType value) => value switch
    {
        ScimPatchOperationType.Add => "add",
        ScimPatchOperationType.Remove => "remove",
        ScimPatchOperationType.Replace => "replace",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "The PATCH operation is not add, remove or replace."),
    };
}
