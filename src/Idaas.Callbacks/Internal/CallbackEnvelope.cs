using System.Text.Json;

namespace Idaas.Callbacks.Internal;

/// <summary>
/// Reads the callback body, <c>{"event":"&lt;compact JWS&gt;"}</c>.
/// </summary>
/// <remarks>
/// Rules: a leading UTF-8 byte order mark and whitespace around the object are accepted; the member name is
/// case-sensitive (<c>Event</c> is not <c>event</c>); a repeated <c>event</c> member is rejected, so that only
/// one value can ever be the signed one; other members are ignored, so that IDaaS may add fields.
/// </remarks>
internal static class CallbackEnvelope
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static EnvelopeStatus TryReadToken(ReadOnlySpan<byte> body, int maxTokenBytes, out string? token)
    {
        token = null;
        if (body.StartsWith(Utf8ByteOrderMark))
        {
            body = body[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return EnvelopeStatus.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("event"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                if (token is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return EnvelopeStatus.Malformed;
                }

                // An escaped value can only shrink when unescaped, so the raw length bounds the token length.
                if (reader.ValueSpan.Length > maxTokenBytes && !reader.ValueIsEscaped)
                {
                    return EnvelopeStatus.TokenTooLarge;
                }

                token = reader.GetString();
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return EnvelopeStatus.Malformed;
            }
        }
        catch (JsonException)
        {
            return EnvelopeStatus.Malformed;
        }

        if (token is null)
        {
            return EnvelopeStatus.Malformed;
        }

        return token.Length > maxTokenBytes ? EnvelopeStatus.TokenTooLarge : EnvelopeStatus.Parsed;
    }
}

/// <summary>The outcome of <see cref="CallbackEnvelope.TryReadToken"/>.</summary>
internal enum EnvelopeStatus
{
    Parsed,
    Malformed,
    TokenTooLarge,
}
