using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Parses a JWKS document entry by entry, keeping the usable RS256 keys and skipping the others.
/// </summary>
/// <remarks>
/// <see cref="JsonWebKeySet"/> (Microsoft.IdentityModel.Tokens 8.23.0) rejects the whole document when one
/// entry has a member of the wrong JSON type, and it accepts a padded <c>n</c>. RFC 7517 section 5 recommends
/// that implementations ignore entries with unknown <c>kty</c> values, missing members or out-of-range values,
/// so this parser checks each entry alone.
/// </remarks>
internal static class JwksParser
{
    /// <summary>Parses <paramref name="json"/>, which must be an object with a <c>keys</c> array.</summary>
    public static JwksParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return JwksParseResult.Invalid("the document is not valid JSON");
        }
        catch (ArgumentException)
        {
            // JsonDocument.Parse(string) throws this for text with a lone surrogate character.
            return JwksParseResult.Invalid("the document is not valid UTF-16 text");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return JwksParseResult.Invalid($"the document is a JSON {root.ValueKind}, not an object");
            }

            // RFC 7517 section 5 allows rejecting duplicate member names. With two "keys" arrays it is unclear
            // which one the publisher meant, so the document is rejected.
            var keysCount = 0;
            var keys = default(JsonElement);
            try
            {
                foreach (var member in root.EnumerateObject())
                {
                    if (member.NameEquals("keys"))
                    {
                        keysCount++;
                        keys = member.Value;
                    }
                }
            }
            catch (InvalidOperationException)
            {
                return JwksParseResult.Invalid("a member name is not a valid string");
            }

            if (keysCount != 1)
            {
                return JwksParseResult.Invalid(keysCount == 0 ? "the keys member is missing" : "the keys member appears more than once");
            }

            if (keys.ValueKind != JsonValueKind.Array)
            {
                return JwksParseResult.Invalid($"the keys member is a JSON {keys.ValueKind}, not an array");
            }

            return ParseEntries(keys);
        }
    }

    private static JwksParseResult ParseEntries(JsonElement keys)
    {
        var usable = new List<RsaSecurityKey>();
        var skipped = new List<SkippedJwksEntry>();
        var index = 0;
        foreach (var entry in keys.EnumerateArray())
        {
            if (JwksEntryParser.TryParse(entry, index, out var key, out var problem))
            {
                usable.Add(key);
            }
            else
            {
                skipped.Add(problem);
            }

            index++;
        }

        return new JwksParseResult(null, index, usable, skipped);
    }
}
