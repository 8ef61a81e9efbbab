using System.Security.Cryptography;
using System.Text;
using Base64UrlEncoder = System.Buffers.Text.Base64Url;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// Encrypts business data the way IDaaS does for the <c>cipherData</c> claim: a compact JWE with the protected
/// header <c>{"alg":"dir","enc":"A256GCM"}</c>, an empty encrypted-key segment, a random 12-byte IV and a
/// 16-byte tag.
/// </summary>
/// <remarks>Instances are thread-safe.</remarks>
public sealed class BusinessDataEncryptor
{
    /// <summary>The base64url protected header that IDaaS sends, <c>{"alg":"dir","enc":"A256GCM"}</c>.</summary>
    public const string ProtectedHeader = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0";

    private const int KeyLength = 32;
    private const int InitializationVectorLength = 12;
    private const int TagLength = 16;

    private static readonly byte[] AdditionalData = Encoding.ASCII.GetBytes(ProtectedHeader);

    private readonly byte[] _key;

    /// <summary>Creates an encryptor for a 32-byte AES-256 key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not 32 bytes long.</exception>
    public BusinessDataEncryptor(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"The key is {key.Length} bytes long; IDaaS uses 32-byte AES-256 keys.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>Creates an encryptor for a key in the IDaaS console format: 64 hexadecimal characters in either case.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="hexKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="hexKey"/> is not 64 hexadecimal characters.</exception>
    public BusinessDataEncryptor(string hexKey)
        : this(ParseHexKey(hexKey))
    {
    }

    /// <summary>Generates a random AES-256 key as 64 lower-case hexadecimal characters, the IDaaS console format.</summary>
    public static string GenerateHexKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyLength));

    /// <summary>Encrypts the UTF-8 bytes of <paramref name="plaintext"/> into a compact JWE.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="plaintext"/> is <see langword="null"/>.</exception>
    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return Encrypt(Encoding.UTF8.GetBytes(plaintext));
    }

    /// <summary>Encrypts <paramref name="plaintext"/> into a compact JWE with a fresh random IV.</summary>
    public string Encrypt(ReadOnlySpan<byte> plaintext)
    {
        Span<byte> initializationVector = stackalloc byte[InitializationVectorLength];
        RandomNumberGenerator.Fill(initializationVector);
        Span<byte> tag = stackalloc byte[TagLength];
        var ciphertext = new byte[plaintext.Length];

        using (var aes = new AesGcm(_key, TagLength))
        {
            aes.Encrypt(initializationVector, plaintext, ciphertext, tag, AdditionalData);
        }

        // header . encrypted key (empty for "dir") . IV . ciphertext . tag, as in RFC 7516 section 7.1.
        return string.Join(
            '.',
            ProtectedHeader,
            string.Empty,
            Base64UrlEncoder.EncodeToString(initializationVector),
            Base64UrlEncoder.EncodeToString(ciphertext),
            Base64UrlEncoder.EncodeToString(tag));
    }

    private static byte[] ParseHexKey(string hexKey)
    {
        ArgumentNullException.ThrowIfNull(hexKey);
        if (hexKey.Length != KeyLength * 2 || !hexKey.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException(
                $"The key is not 64 hexadecimal characters (got {hexKey.Length} characters). Use the key shown in the IDaaS console or GenerateHexKey().",
                nameof(hexKey));
        }

        return Convert.FromHexString(hexKey);
    }
}
