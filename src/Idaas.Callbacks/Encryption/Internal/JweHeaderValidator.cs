using System.Text.Json;
using Idaas.Callbacks.Internal;

namespace Idaas.Callbacks.Encryption.Internal;

/// <summary>
/// Checks the protected header of a business-data JWE against the only form this library accepts:
/// <c>{"alg":"dir","enc":"A128GCM|A192GCM|A256GCM"}</c>, with the key size matching <c>enc</c>.
/// </summary>
/// <remarks>
/// Every other header parameter is rejected. IDaaS sends exactly <c>alg</c> and <c>enc</c>, and parameters
/// such as <c>zip</c> (compressed plaintext) or <c>crit</c> (extensions the recipient must understand) would
/// change how the plaintext has to be processed (RFC 7516 section 4.1).
/// </remarks>
internal static class JweHeaderValidator
{
    /// <summary>Validates the base64url header segment for a key of <paramref name="keyLength"/> bytes.</summary>
    public static DecryptionFailureReason Validate(ReadOnlySpan<char> headerSegment, int keyLength)
    {
        var json = Base64Url.TryDecode(headerSegment);
        if (json is null || json.Length == 0)
        {
            return DecryptionFailureReason.MalformedHeader;
        }

        try
        {
            return ValidateJson(json, keyLength);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException comes from names or strings that escape a lone surrogate or hold invalid UTF-8.
            return DecryptionFailureReason.MalformedHeader;
        }
    }

    private static DecryptionFailureReason ValidateJson(ReadOnlySpan<byte> json, int keyLength)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return DecryptionFailureReason.MalformedHeader;
        }

        var hasAlgorithm = false;
        var encryptionKeyLength = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isAlgorithm = reader.ValueTextEquals("alg"u8);
            if (!isAlgorithm && !reader.ValueTextEquals("enc"u8))
            {
                return DecryptionFailureReason.UnsupportedHeaderParameter;
            }

            // A repeated member could make two JSON parsers disagree about the header, so it is malformed.
            if (isAlgorithm ? hasAlgorithm : encryptionKeyLength != 0)
            {
                return DecryptionFailureReason.MalformedHeader;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return DecryptionFailureReason.MalformedHeader;
            }

            if (isAlgorithm)
            {
                if (!reader.ValueTextEquals("dir"u8))
                {
                    return DecryptionFailureReason.UnsupportedAlgorithm;
                }

                hasAlgorithm = true;
            }
            else
            {
                encryptionKeyLength = GetKeyLength(ref reader);
                if (encryptionKeyLength == 0)
                {
                    return DecryptionFailureReason.UnsupportedEncryption;
                }
            }
        }

        // Reading past the closing brace throws JsonException if anything but whitespace follows it.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return DecryptionFailureReason.MalformedHeader;
        }

        if (!hasAlgorithm || encryptionKeyLength == 0)
        {
            return DecryptionFailureReason.MalformedHeader;
        }

        return encryptionKeyLength == keyLength ? DecryptionFailureReason.None : DecryptionFailureReason.UnsupportedEncryption;
    }

    // Returns the AES key size in bytes that the enc value requires, or 0 for any other value.
    private static int GetKeyLength(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("A256GCM"u8))
        {
            return 32;
        }

        if (reader.ValueTextEquals("A192GCM"u8))
        {
            return 24;
        }

        return reader.ValueTextEquals("A128GCM"u8) ? 16 : 0;
    }
}
