using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Reads a boolean sent as a JSON boolean or as the string <c>true</c> or <c>false</c> in any case, as Microsoft
/// Entra ID sends <c>"True"</c> and <c>"False"</c>. Always writes a JSON boolean.
/// </summary>
internal sealed class ScimBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (bool.TryParse(text, out var flag))
                {
                    return flag;
                }

                throw new JsonException($"The string '{text}' is not a boolean; expected true or false.");
            default:
                throw new JsonException($"A {reader.TokenType} is not a boolean; expected true or false.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
