using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Idaas.Callbacks.Encryption.Internal;
using Idaas.Callbacks.Internal;

namespace Idaas.Callbacks.Encryption;

/// <summary>
/// Decrypts the <c>cipherData</c> claim of an IDaaS callback: a compact JWE (RFC 7516) with <c>alg</c>
/// <c>dir</c> and AES-GCM content encryption under the application's shared key.
/// </summary>
/// <remarks>
/// Every malformed, altered or wrongly keyed input yields <see cref="DecryptionStatus.Failed"/>, and no exception
/// escapes for any input. The caller bounds the input length, and the allocations here are proportional to it.
/// Instances are thread-safe because each call creates its own <see cref="AesGcm"/>.
/// </remarks>
internal sealed class BusinessDataDecryptor
{
    private const int HexKeyLength = 64;
    private const int InitializationVectorLength = 12;
    private const int TagLength = 16;

    // base64url lengths of the 12-byte IV and the 16-byte tag, without padding.
    private const int EncodedInitializationVectorLength = 16;
    private const int EncodedTagLength = 22;

    private const int SegmentCount = 5;

    private readonly byte[] _key;

    /// <summary>Creates a decryptor for a 16-, 24- or 32-byte AES key.</summary>
    /// <exception cref="ArgumentException">The key is not 16, 24 or 32 bytes long.</exception>
    /// <exception cref="PlatformNotSupportedException">The platform has no AES-GCM implementation.</exception>
    public BusinessDataDecryptor(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException(
                $"The business-data encryption key is {key.Length} bytes long; AES-GCM needs 16, 24 or 32 bytes.",
                nameof(key));
        }

        if (!AesGcm.IsSupported)
        {
            throw new PlatformNotSupportedException("AES-GCM is not available on this platform, so encrypted callbacks cannot be decrypted.");
        }

        _key = key.ToArray();
    }

    /// <summary>
    /// Parses the key format of the IDaaS console: exactly 64 hexadecimal characters in either case (AES-256).
    /// </summary>
    /// <returns><see langword="true"/> and the 32 key bytes, or <see langword="false"/> and an empty array.</returns>
    public static bool TryParseHexKey(string? hex, out byte[] key)
    {
        key = [];
        if (hex is null || hex.Length != HexKeyLength)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        key = Convert.FromHexString(hex);
        return true;
    }

    /// <summary>Decrypts a compact JWE into UTF-8 plaintext.</summary>
    /// <returns><see cref="DecryptionStatus.Succeeded"/> with the plaintext, or <see cref="DecryptionStatus.Failed"/>.</returns>
    public DecryptionStatus TryDecrypt(ReadOnlySpan<char> compactJwe, out byte[]? plaintext)
        => TryDecrypt(compactJwe, out plaintext, out _);

    /// <summary>
    /// Decrypts a compact JWE into UTF-8 plaintext and reports the detailed cause of a failure, which is meant
    /// for debug logs only.
    /// </summary>
    public DecryptionStatus TryDecrypt(ReadOnlySpan<char> compactJwe, out byte[]? plaintext, out DecryptionFailureReason failureReason)
    {
        failureReason = Decrypt(compactJwe, out plaintext);
        return failureReason == DecryptionFailureReason.None ? DecryptionStatus.Succeeded : DecryptionStatus.Failed;
    }

    private DecryptionFailureReason Decrypt(ReadOnlySpan<char> compactJwe, out byte[]? plaintext)
    {
        plaintext = null;

        // RFC 7516 section 7.1: header . encrypted key . IV . ciphertext . tag. One spare range catches a sixth segment.
        Span<Range> segments = stackalloc Range[SegmentCount + 1];
        if (compactJwe.Split(segments, '.') != SegmentCount)
        {
            return DecryptionFailureReason.MalformedCompactSerialization;
        }

        var header = compactJwe[segments[0]];
        var headerResult = JweHeaderValidator.Validate(header, _key.Length);
        if (headerResult != DecryptionFailureReason.None)
        {
            return headerResult;
        }

        if (!compactJwe[segments[1]].IsEmpty)
        {
            return DecryptionFailureReason.NonEmptyEncryptedKey;
        }

        Span<byte> initializationVector = stackalloc byte[InitializationVectorLength];
        var encodedIv = compactJwe[segments[2]];
        if (encodedIv.Length != EncodedInitializationVectorLength || !Base64Url.TryDecode(encodedIv, initializationVector, out _))
        {
            return DecryptionFailureReason.InvalidInitializationVector;
        }

        Span<byte> tag = stackalloc byte[TagLength];
        var encodedTag = compactJwe[segments[4]];
        if (encodedTag.Length != EncodedTagLength || !Base64Url.TryDecode(encodedTag, tag, out _))
        {
            return DecryptionFailureReason.InvalidAuthenticationTag;
        }

        // An empty plaintext carries no business data, so an empty ciphertext is malformed.
        var buffer = compactJwe[segments[3]].IsEmpty ? null : Base64Url.TryDecode(compactJwe[segments[3]]);
        if (buffer is null)
        {
            return DecryptionFailureReason.InvalidCiphertext;
        }

        // The additional authenticated data is the header segment exactly as sent (RFC 7516 section 5.2, step 14).
        // The header passed the base64url check, so it is ASCII.
        var additionalData = new byte[header.Length];
        Encoding.ASCII.GetBytes(header, additionalData);
        var result = DecryptInPlace(buffer, initializationVector, tag, additionalData);
        if (result != DecryptionFailureReason.None)
        {
            return result;
        }

        if (!Utf8.IsValid(buffer))
        {
            CryptographicOperations.ZeroMemory(buffer);
            return DecryptionFailureReason.InvalidUtf8;
        }

        plaintext = buffer;
        return DecryptionFailureReason.None;
    }

    private DecryptionFailureReason DecryptInPlace(byte[] buffer, ReadOnlySpan<byte> initializationVector, ReadOnlySpan<byte> tag, byte[] additionalData)
    {
        try
        {
            using var aes = new AesGcm(_key, TagLength);

            // AesGcm allows the plaintext to overwrite the ciphertext when both spans start at the same byte.
            aes.Decrypt(initializationVector, buffer, tag, buffer, additionalData);
            return DecryptionFailureReason.None;
        }
        catch (CryptographicException)
        {
            // AuthenticationTagMismatchException derives from CryptographicException, and both mean the same here.
            CryptographicOperations.ZeroMemory(buffer);
            return DecryptionFailureReason.AuthenticationFailed;
        }
    }
}
