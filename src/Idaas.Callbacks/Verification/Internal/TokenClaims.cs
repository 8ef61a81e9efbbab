using System.Text.Json;
using Idaas.Callbacks.Events.Internal;

namespace Idaas.Callbacks.Verification;

/// <summary>
/// The claims of a callback token, read with strict JSON types: <c>exp</c> and <c>iat</c> must be JSON numbers
/// and <c>dataEncrypted</c> a JSON boolean, so that a value of the wrong type is reported as such instead of
/// being coerced.
/// </summary>
internal sealed class TokenClaims
{
    private static readonly byte[][] ClaimNames =
    [
        "iss"u8.ToArray(), "aud"u8.ToArray(), "sub"u8.ToArray(), "jti"u8.ToArray(), "iat"u8.ToArray(), "exp"u8.ToArray(),
        "nbf"u8.ToArray(), "dataEncrypted"u8.ToArray(), "cipherData"u8.ToArray(), "plainData"u8.ToArray(),
    ];

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

    /// <summary>
    /// The position of the <c>eventData</c> string in <see cref="PlainData"/>, or <see langword="null"/> unless the
    /// <c>plainData</c> object has exactly one <c>eventData</c> member, a string, and no escaped member names.
    /// </summary>
    public CheckedEventData? PlainDataEventData { get; private set; }

    /// <summary>The name of the claim that failed to parse, for the rejection message.</summary>
    public string? InvalidClaim { get; private set; }

    /// <summary>
    /// Parses the decoded payload. Returns <see cref="ClaimsParseStatus.Malformed"/> for JSON that is not one
    /// object or repeats a member, and <see cref="ClaimsParseStatus.InvalidClaim"/> for a known claim of the wrong
    /// type or range.
    /// </summary>
    /// <remarks><see cref="PlainData"/> refers to <paramref name="json"/>, so the caller must not reuse the array.</remarks>
    public static ClaimsParseStatus TryParse(ReadOnlyMemory<byte> json, out TokenClaims claims)
    {
        claims = new TokenClaims();
        var seen = new JsonMemberSet(ClaimNames);
        try
        {
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ClaimsParseStatus.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var claim = seen.Add(ref reader, out var repeated);
                if (repeated)
                {
                    return ClaimsParseStatus.Malformed;
                }

                reader.Read();
                if (!claims.TryReadClaim(claim, ref reader, json))
                {
                    claims.InvalidClaim = System.Text.Encoding.ASCII.GetString(ClaimNames[claim]);
                    return ClaimsParseStatus.InvalidClaim;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read()
                ? ClaimsParseStatus.Parsed
                : ClaimsParseStatus.Malformed;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException comes from strings that escape a lone surrogate or hold invalid UTF-8.
            return ClaimsParseStatus.Malformed;
        }
    }

    // The claim index is a position in ClaimNames, or -1 for a claim this class does not read.
    private bool TryReadClaim(int claim, ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        switch (claim)
        {
            case 0:
                Issuer = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(CallbackTokenVerifier.IdaasIssuer)
                    ? CallbackTokenVerifier.IdaasIssuer
                    : ReadString(ref reader);
                return Issuer is not null;
            case 1:
                return TryReadAudience(ref reader);
            case 2:
                Subject = ReadString(ref reader);
                return Subject is not null;
            case 3:
                TokenId = ReadString(ref reader);
                return !string.IsNullOrEmpty(TokenId);
            case 4:
                IssuedAt = ReadNumericDate(ref reader);
                return IssuedAt is not null;
            case 5:
                ExpiresAt = ReadNumericDate(ref reader);
                return ExpiresAt is not null;
            case 6:
                NotBefore = ReadNumericDate(ref reader);
                return NotBefore is not null;
            case 7:
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return false;
                }

                DataEncrypted = reader.GetBoolean();
                return true;
            case 8:
                CipherData = ReadString(ref reader);
                return CipherData is not null;
            case 9:
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

    private bool TryReadPlainData(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
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
        var eventData = ReadPlainDataMembers(ref reader, start);
        var end = (int)reader.BytesConsumed;
        PlainData = json[start..end];
        PlainDataEventData = eventData;
        return true;
    }

    // Reads the plainData object to its end, which checks its JSON exactly as reader.Skip() would, and records where
    // the eventData string is. An escaped member name (which could spell eventData) or a repeated or non-string
    // eventData member drops the position, so the decoder reads the whole object again.
    private static CheckedEventData? ReadPlainDataMembers(ref Utf8JsonReader reader, int objectStart)
    {
        CheckedEventData? eventData = null;
        var usable = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEventData = false;
            if (reader.ValueIsEscaped)
            {
                usable = false;
            }
            else
            {
                isEventData = reader.ValueTextEquals("eventData"u8);
            }

            reader.Read();
            if (isEventData)
            {
                if (eventData is null && reader.TokenType == JsonTokenType.String)
                {
                    // TokenStartIndex is the opening quote, and ValueSpan is the text between the quotes.
                    eventData = new CheckedEventData((int)reader.TokenStartIndex + 1 - objectStart, reader.ValueSpan.Length);
                }
                else
                {
                    usable = false;
                }
            }

            // Skips a nested object or array; does nothing for a string, number or literal.
            reader.Skip();
        }

        return usable ? eventData : null;
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
