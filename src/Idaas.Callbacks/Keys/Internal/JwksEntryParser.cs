using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Idaas.Callbacks.Internal;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Checks one JWKS entry on its own and turns it into an RS256 verification key.
/// </summary>
internal static class JwksEntryParser
{
    /// <summary>The smallest accepted RSA modulus in bits. Shorter RSA keys are too weak for RS256.</summary>
    public const int MinModulusBits = 2048;

    /// <summary>
    /// The largest accepted RSA modulus in bits. Larger keys make each verification slower, and a token
    /// without <c>kid</c> is tried against every key.
    /// </summary>
    public const int MaxModulusBits = 8192;

    // Keys almost always use 65537. A public exponent of 2^256 or more serves no purpose and only slows verification.
    private const int MaxExponentBytes = 32;

    /// <summary>
    /// Parses <paramref name="entry"/> into an <see cref="RsaSecurityKey"/> with its <c>kid</c>, or describes
    /// the first check it fails.
    /// </summary>
    /// <param name="entry">One element of the JWKS <c>keys</c> array.</param>
    /// <param name="index">The element's position, for the skip record.</param>
    /// <param name="key">The key when the entry is usable.</param>
    /// <param name="skipped">The reason when the entry is not usable.</param>
    /// <returns>Whether the entry is an RSA public key usable for RS256 verification.</returns>
    public static bool TryParse(
        JsonElement entry,
        int index,
        [NotNullWhen(true)] out RsaSecurityKey? key,
        [NotNullWhen(false)] out SkippedJwksEntry? skipped)
    {
        try
        {
            skipped = Check(entry, index, out key);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json throws this for a string that escapes a lone surrogate or contains invalid UTF-8.
            key = null;
            skipped = new(index, null, JwksEntryProblem.InvalidMember, "a member name or value is not a valid string");
        }

        return key is not null;
    }

    private static SkippedJwksEntry? Check(JsonElement entry, int index, out RsaSecurityKey? key)
    {
        key = null;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return new(index, null, JwksEntryProblem.NotAnObject, $"the entry is a JSON {entry.ValueKind}, not an object");
        }

        var members = JwksEntryMembers.Read(entry);
        var keyId = members.KeyId is { ValueKind: JsonValueKind.String } kid ? kid.GetString() : null;
        if (keyId is "")
        {
            keyId = null;
        }

        if (members.DuplicateName is not null)
        {
            return new(index, keyId, JwksEntryProblem.DuplicateMember, $"member {LogText.Printable(members.DuplicateName)} appears more than once");
        }

        if (members.KeyId is not null && keyId is null)
        {
            return new(index, null, JwksEntryProblem.InvalidKeyId, "kid is not a non-empty string");
        }

        if (members.KeyType is not { ValueKind: JsonValueKind.String } ktyElement)
        {
            return new(index, keyId, JwksEntryProblem.MissingKeyType, "kty is missing or not a string");
        }

        var keyType = ktyElement.GetString();
        if (keyType == "oct")
        {
            return new(index, keyId, JwksEntryProblem.SymmetricKey, "kty is oct, a symmetric key that never verifies RS256");
        }

        if (keyType != "RSA")
        {
            return new(index, keyId, JwksEntryProblem.UnsupportedKeyType, $"kty is {LogText.Printable(keyType)}, not RSA");
        }

        return CheckUsage(members, index, keyId) ?? CheckPublicKey(members, index, keyId, out key);
    }

    private static SkippedJwksEntry? CheckUsage(JwksEntryMembers members, int index, string? keyId)
    {
        if (members.Use is { } use)
        {
            if (use.ValueKind != JsonValueKind.String)
            {
                return new(index, keyId, JwksEntryProblem.InvalidMember, "use is not a string");
            }

            if (use.GetString() != "sig")
            {
                return new(index, keyId, JwksEntryProblem.NotForSignatures, $"use is {LogText.Printable(use.GetString())}, not sig");
            }
        }

        if (members.KeyOperations is { } operations)
        {
            if (operations.ValueKind != JsonValueKind.Array
                || operations.EnumerateArray().Any(operation => operation.ValueKind != JsonValueKind.String))
            {
                return new(index, keyId, JwksEntryProblem.InvalidMember, "key_ops is not an array of strings");
            }

            if (!operations.EnumerateArray().Any(operation => operation.GetString() == "verify"))
            {
                return new(index, keyId, JwksEntryProblem.NotForSignatures, "key_ops does not contain verify");
            }
        }

        if (members.Algorithm is { } algorithm)
        {
            if (algorithm.ValueKind != JsonValueKind.String)
            {
                return new(index, keyId, JwksEntryProblem.InvalidMember, "alg is not a string");
            }

            if (algorithm.GetString() != SecurityAlgorithms.RsaSha256)
            {
                return new(index, keyId, JwksEntryProblem.UnsupportedAlgorithm, $"alg is {LogText.Printable(algorithm.GetString())}, not RS256");
            }
        }

        return null;
    }

    private static SkippedJwksEntry? CheckPublicKey(JwksEntryMembers members, int index, string? keyId, out RsaSecurityKey? key)
    {
        key = null;

        // Leading zero octets break the Base64urlUInt rule of RFC 7518 section 2, but some libraries emit them,
        // so they are dropped rather than rejected.
        var modulus = DecodeUnsigned(members.Modulus);
        if (modulus is null || modulus.Length == 0 || (modulus[^1] & 1) == 0)
        {
            return new(index, keyId, JwksEntryProblem.InvalidModulus, "n is missing, not canonical base64url, zero or even");
        }

        var modulusBits = (modulus.Length * 8) - BitOperations.LeadingZeroCount((uint)modulus[0]) + 24;
        if (modulusBits < MinModulusBits)
        {
            return new(index, keyId, JwksEntryProblem.ModulusTooShort, $"n has {modulusBits} bits, fewer than {MinModulusBits}");
        }

        if (modulusBits > MaxModulusBits)
        {
            return new(index, keyId, JwksEntryProblem.ModulusTooLong, $"n has {modulusBits} bits, more than {MaxModulusBits}");
        }

        var exponent = DecodeUnsigned(members.Exponent);
        if (exponent is null || exponent.Length == 0 || exponent.Length > MaxExponentBytes
            || (exponent[^1] & 1) == 0 || (exponent.Length == 1 && exponent[0] < 3))
        {
            return new(index, keyId, JwksEntryProblem.InvalidExponent, "e is missing, not canonical base64url, even, below 3 or above 256 bits");
        }

        key = new RsaSecurityKey(new RSAParameters { Modulus = modulus, Exponent = exponent }) { KeyId = keyId };
        return null;
    }

    // Returns the big-endian unsigned integer without leading zero octets, or null when the member is missing,
    // not a string or not canonical base64url.
    private static byte[]? DecodeUnsigned(JsonElement? member)
    {
        if (member is not { ValueKind: JsonValueKind.String } text)
        {
            return null;
        }

        var bytes = Base64Url.TryDecode(text.GetString());
        if (bytes is null)
        {
            return null;
        }

        var firstNonZero = bytes.AsSpan().IndexOfAnyExcept((byte)0);
        return firstNonZero switch
        {
            < 0 => [],
            0 => bytes,
            _ => bytes[firstNonZero..],
        };
    }
}
