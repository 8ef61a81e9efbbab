using System.Text.Json;

namespace Idaas.Callbacks.Verification;

/// <summary>
/// The claims of a callback token, read with strict JSON types: <c>exp</c> and <c>iat</c> must be JSON numbers
/// and <c>dataEncrypted</c> a JSON boolean, so that a value of the wrong type is reported as such instead of
/// being coerced.
/// </summary>
internal sealed class TokenClaims
{
    public string? Issuer { get; private set; }

    public string? Audience { get; private set; }

    public string? Subject { get; private set; }

    public string? TokenId { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? NotBefore { get; private set; }

    public bool DataEncrypted { get; private set; }

    public string? CipherData { get; private set; }

    public ReadOnlyMemory<byte> PlainData { get; private set; }

    /// <summary>The name of the claim that failed to parse, for the rejection message.</summary>
    public string? InvalidClaim { get; private set; }

    /// <summary>
    /// Parses the decoded payload. Returns <see cref="ClaimsParseStatus.Malformed"/> for JSON that is not one
    /// object or repeats a member, and <see cref="ClaimsParseStatus.InvalidClaim"/> for a known claim of the wrong
    /// type or range.
    /// </summary>
    public static ClaimsParseStatus TryParse(ReadOnlySpan<byte> json, out TokenClaims claims)
    {
        claims = new TokenClaims();
        var seen = new JsonMemberSet();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ClaimsParseStatus.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!seen.TryAdd(ref reader))
                {
                    return ClaimsParseStatus.Malformed;
                }

                var name = reader.GetString()!;
                reader.Read();
                if (!claims.TryReadClaim(name, ref reader, json))
                {
                    claims.InvalidClaim = name;
                    return ClaimsParseStatus.InvalidClaim;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read()
                ? ClaimsParseStatus.Parsed
                : ClaimsParseStatus.Malformed;
        }
        catch (JsonException)
        {
            return ClaimsParseStatus.Malformed;
        }
    }

    private bool TryReadClaim(string name, ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (name)
        {
            case "iss":
                Issuer = ReadString(ref reader);
                return Issuer is not null;
            case "aud":
                return TryReadAudience(ref reader);
            case "sub":
                Subject = ReadString(ref reader);
                return Subject is not null;
            case "jti":
                TokenId = ReadString(ref reader);
                return !string.IsNullOrEmpty(TokenId);
            case "iat":
                IssuedAt = ReadNumericDate(ref reader);
                return IssuedAt is not null;
            case "exp":
                ExpiresAt = ReadNumericDate(ref reader);
                return ExpiresAt is not null;
            case "nbf":
                NotBefore = ReadNumericDate(ref reader);
                return NotBefore is not null;
            case "dataEncrypted":
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return false;
                }

                DataEncrypted = reader.GetBoolean();
                return true;
            case "cipherData":
                CipherData = ReadString(ref reader);
                return CipherData is not null;
            case "plainData":
                return TryReadPlainData(ref reader, json);
            default:
                reader.Skip();
                return true;
        }
    }

    private bool TryReadAudience(ref Utf8JsonReader reader)
    {
        // RFC 7519 allows an array; IDaaS sends one string. An array is accepted only with exactly one value,
        // so the token is meant for this application alone.
        if (reader.TokenType == JsonTokenType.String)
        {
            Audience = reader.GetString();
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            Audience = reader.GetString();
            count++;
        }

        return reader.TokenType == JsonTokenType.EndArray && count == 1;
    }

    private bool TryReadPlainData(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // Encrypted tokens send "". A non-empty string is the JSON text of the data, sent by some senders.
            var text = reader.GetString()!;
            PlainData = text.Length == 0 ? ReadOnlyMemory<byte>.Empty : System.Text.Encoding.UTF8.GetBytes(text);
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        PlainData = json[start..end].ToArray();
        return true;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private static DateTimeOffset? ReadNumericDate(ref Utf8JsonReader reader)
    {
        // RFC 7519 NumericDate: seconds since the epoch, fractions allowed. Strings are a type error, and values
        // outside the range of DateTimeOffset are out of range rather than an overflow.
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds) || !double.IsFinite(seconds))
        {
            return null;
        }

        const double MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
        if (seconds is < 0 or > MaxSeconds)
        {
            return null;
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }
}

/// <summary>The outcome of <see cref="TokenClaims.TryParse"/>.</summary>
internal enum ClaimsParseStatus
{
    Parsed,
    Malformed,
    InvalidClaim,
}
