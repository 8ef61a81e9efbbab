using System.Security.Cryptography;
using System.Text.Json;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// An RSA signing key generated at run time, with an IDaaS-style key id, for signing test callbacks.
/// </summary>
/// <remarks>Keys exist only in memory; nothing is written to disk. Instances are thread-safe.</remarks>
public sealed class IdaasSigningKey : IDisposable
{
    private const string KeyIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private IdaasSigningKey(string keyId, RSA rsa)
    {
        KeyId = keyId;
        Rsa = rsa;
    }

    /// <summary>Gets the key id published in the JWKS and sent in the token header's <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>Gets the RSA key pair.</summary>
    public RSA Rsa { get; }

    /// <summary>
    /// Generates a new RSA key.
    /// </summary>
    /// <param name="keyId">The key id, or <see langword="null"/> for an IDaaS-style id: <c>KEY</c> and 33 letters and digits.</param>
    /// <param name="keySizeInBits">The modulus size; IDaaS uses 2048.</param>
    /// <returns>The new key.</returns>
    public static IdaasSigningKey Generate(string? keyId = null, int keySizeInBits = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keySizeInBits, 1024);

        return new IdaasSigningKey(keyId ?? GenerateKeyId(), RSA.Create(keySizeInBits));
    }

    /// <summary>Generates an IDaaS-style key id: <c>KEY</c> followed by 33 letters and digits.</summary>
    /// <returns>The key id.</returns>
    public static string GenerateKeyId() => "KEY" + RandomNumberGenerator.GetString(KeyIdAlphabet, 33);

    /// <summary>
    /// Writes the public key as a JWK object in the shape IDaaS publishes: <c>kty</c>, <c>e</c>, <c>use</c>,
    /// <c>kid</c> and <c>n</c>, without <c>alg</c>.
    /// </summary>
    /// <param name="writer">The writer positioned where a JSON value may start.</param>
    public void WriteJsonWebKey(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);

        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        writer.WriteStartObject();
        writer.WriteString("kty", "RSA");
        writer.WriteString("e", Base64UrlText.Encode(parameters.Exponent!));
        writer.WriteString("use", "sig");
        writer.WriteString("kid", KeyId);
        writer.WriteString("n", Base64UrlText.Encode(parameters.Modulus!));
        writer.WriteEndObject();
    }

    /// <summary>Releases the RSA key.</summary>
    public void Dispose() => Rsa.Dispose();
}
