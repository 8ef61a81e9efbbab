using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Reads the <c>status</c> of a SCIM error from a JSON string, as RFC 7644 section 3.12 defines it, or from a
/// number, as some service providers send it. Writes a string. A value that is not a number reads as
/// <see langword="null"/>, so the HTTP status code applies.
/// </summary>
internal sealed class ScimStatusConverter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                return number;
            case JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } status)
        {
            writer.WriteStringValue(status.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
