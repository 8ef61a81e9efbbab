using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Idaas.Callbacks.Tests.Encryption;

/// <summary>Builds compact JWEs with chosen headers, IV and tag sizes, including ones IDaaS never sends.</summary>
internal static class TestJwe
{
    public static string Encrypt(
        byte[] key,
        string headerJson,
        byte[] plaintext,
        int tagLength = 16,
        int initializationVectorLength = 12,
        string encryptedKey = "")
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson));
        var initializationVector = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[tagLength];
        using (var aes = new AesGcm(key, tagLength))
        {
            aes.Encrypt(initializationVector, plaintext, ciphertext, tag, Encoding.ASCII.GetBytes(header));
        }

        // AES-GCM here takes only 12-byte nonces, so a different IV length is made by padding with random bytes.
        var sentInitializationVector = initializationVectorLength == 12
            ? initializationVector
            : [.. initializationVector, .. RandomNumberGenerator.GetBytes(initializationVectorLength - 12)];

        return string.Join(
            '.',
            header,
            encryptedKey,
            Base64Url.EncodeToString(sentInitializationVector),
            Base64Url.EncodeToString(ciphertext),
            Base64Url.EncodeToString(tag));
    }

    public static string Encrypt(byte[] key, string headerJson, string plaintext)
        => Encrypt(key, headerJson, Encoding.UTF8.GetBytes(plaintext));
}
