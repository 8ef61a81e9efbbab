using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>Opens a compact JWE with <c>dir</c> and <c>A256GCM</c> by RFC 7516, independently of the SDK and the simulator.</summary>
internal static class CompactJwe
{
    /// <summary>Decrypts <paramref name="compact"/> with the 64-hex-character <paramref name="hexKey"/> and returns the UTF-8 plaintext.</summary>
    public static string Decrypt(string compact, string hexKey)
    {
        var segments = compact.Split('.');
        var ciphertext = Base64Url.DecodeFromChars(segments[3]);
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(Convert.FromHexString(hexKey), tagSizeInBytes: 16);

        // The additional authenticated data is the ASCII text of the encoded protected header.
        aes.Decrypt(Base64Url.DecodeFromChars(segments[2]), ciphertext, Base64Url.DecodeFromChars(segments[4]), plaintext, Encoding.ASCII.GetBytes(segments[0]));
        return Encoding.UTF8.GetString(plaintext);
    }
}
