using System.Text.Json;

namespace Idaas.Callbacks.Verification;

/// <summary>The JWS protected header members the verifier acts on.</summary>
internal readonly record struct TokenHeader(string? Algorithm, string? KeyId, bool HasCriticalParameters)
{
    private static readonly byte[][] KnownNames = ["alg"u8.ToArray(), "kid"u8.ToArray(), "crit"u8.ToArray(), "typ"u8.ToArray()];

    /// <summary>
    /// Parses the decoded header JSON. Members other than <c>alg</c>, <c>kid</c> and <c>crit</c> are ignored,
    /// and in particular no key or key URL is ever taken from <c>jwk</c>, <c>jku</c>, <c>x5c</c> or <c>x5u</c>.
    /// </summary>
    /// <returns><see langword="false"/> when the JSON is not an object, a member repeats, or a member has the wrong type.</returns>
    public static bool TryParse(ReadOnlySpan<byte> json, out TokenHeader header)
    {
        header = default;
        string? algorithm = null;
        string? keyId = null;
        var critical = false;
        var seen = new JsonMemberSet(KnownNames);

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var known = seen.Add(ref reader, out var repeated);
                if (repeated)
                {
                    return false;
                }

                if (known == 0)
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    // The expected value is interned, so the common case allocates nothing.
                    algorithm = reader.ValueTextEquals("RS256"u8) ? "RS256" : reader.GetString();
                }
                else if (known == 1)
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    keyId = reader.GetString();
                }
                else
                {
                    critical |= known == 2;
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException comes from strings that escape a lone surrogate or hold invalid UTF-8.
            return false;
        }

        header = new TokenHeader(algorithm, keyId, critical);
        return true;
    }
}
