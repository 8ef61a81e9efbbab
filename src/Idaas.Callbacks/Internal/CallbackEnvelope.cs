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

    /// <summary>
    /// Finds the <c>event</c> value. The returned token is a slice of <paramref name="body"/> unless the JSON string
    /// contains escape sequences, in which case it is a new unescaped array.
    /// </summary>
    public static EnvelopeStatus TryReadToken(ReadOnlyMemory<byte> body, int maxTokenBytes, out ReadOnlyMemory<byte> token)
    {
        token = default;
        var found = false;
        if (body.Span.StartsWith(Utf8ByteOrderMark))
        {
            body = body[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 16 });
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

                if (found || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return EnvelopeStatus.Malformed;
                }

                found = true;
                token = ReadValue(ref reader, body);
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return EnvelopeStatus.Malformed;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException comes from strings that escape a lone surrogate or hold invalid UTF-8.
            return EnvelopeStatus.Malformed;
        }

        if (!found)
        {
            return EnvelopeStatus.Malformed;
        }

        return token.Length > maxTokenBytes ? EnvelopeStatus.TokenTooLarge : EnvelopeStatus.Parsed;
    }

    private static ReadOnlyMemory<byte> ReadValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body)
    {
        if (!reader.ValueIsEscaped)
        {
            // TokenStartIndex is the opening quote; the value follows it.
            return body.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        }

        var unescaped = new byte[reader.ValueSpan.Length];
        var written = reader.CopyString(unescaped);
        return unescaped.AsMemory(0, written);
    }
}

/// <summary>The outcome of <see cref="CallbackEnvelope.TryReadToken"/>.</summary>
internal enum EnvelopeStatus
{
    Parsed,
    Malformed,
    TokenTooLarge,
}
