using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Reads the Enterprise User <c>manager</c> from the complex form of RFC 7643 section 4.3, or from a bare string
/// id as Microsoft Entra ID sends it. Always writes the complex form.
/// </summary>
internal sealed class ScimManagerConverter : JsonConverter<ScimManager?>
{
    public override bool HandleNull => true;

    public override ScimManager? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var id = reader.GetString();
                return string.IsNullOrEmpty(id) ? null : new ScimManager { Value = id };
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            default:
                throw new JsonException($"A {reader.TokenType} is not a manager; expected an object with a value member, or a string id.");
        }
    }

    public override void Write(Utf8JsonWriter writer, ScimManager? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        WriteIfSet(writer, "value", value.Value);
        WriteIfSet(writer, "$ref", value.Ref);
        WriteIfSet(writer, "displayName", value.DisplayName);
        writer.WriteEndObject();
    }

    private static ScimManager ReadObject(ref Utf8JsonReader reader)
    {
        string? id = null;
        string? reference = null;
        string? displayName = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            // Attribute names are case-insensitive (RFC 7643 section 2.1).
            if (string.Equals(name, "value", StringComparison.OrdinalIgnoreCase))
            {
                id = text;
            }
            else if (string.Equals(name, "$ref", StringComparison.OrdinalIgnoreCase))
            {
                reference = text;
            }
            else if (string.Equals(name, "displayName", StringComparison.OrdinalIgnoreCase))
            {
                displayName = text;
            }
        }

        return new ScimManager { Value = id, Ref = reference, DisplayName = displayName };
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
