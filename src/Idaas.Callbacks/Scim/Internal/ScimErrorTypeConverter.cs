using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Reads a <c>scimType</c> in any case and returns a known type in the case of RFC 7644 section 3.12, so that
/// <c>InvalidFilter</c> compares equal to <see cref="ScimErrorTypes.InvalidFilter"/>. Unknown types stay as sent.
/// </summary>
internal sealed class ScimErrorTypeConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        return Normalize(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public static string? Normalize(string? scimType)
    {
        if (scimType is null)
        {
            return null;
        }

        foreach (var known in ScimErrorTypes.All)
        {
            if (string.Equals(known, scimType, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return scimType;
    }
}
