using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// Signs callback tokens the way IDaaS does: a compact JWS with RS256, header members in the order
/// <c>kid</c>, <c>typ</c>, <c>alg</c>, and claims in the order of real tokens.
/// </summary>
public sealed class CallbackTokenSigner
{
    private readonly IdaasSigningKey _key;

    /// <summary>Initializes a signer that signs with <paramref name="key"/>.</summary>
    /// <param name="key">The signing key; its id goes into the header.</param>
    public CallbackTokenSigner(IdaasSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <summary>Creates a signed token with the claims in <paramref name="descriptor"/>.</summary>
    /// <param name="descriptor">The claims.</param>
    /// <returns>The compact JWS.</returns>
    /// <exception cref="ArgumentException">Neither <c>CipherData</c> nor <c>PlainData</c> is set.</exception>
    public string CreateToken(CallbackTokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.CipherData is null && descriptor.PlainData is null)
        {
            throw new ArgumentException("Set CipherData or PlainData: a callback token carries business data.", nameof(descriptor));
        }

        var header = $$"""{"kid":"{{_key.KeyId}}","typ":"JWT","alg":"RS256"}""";
        return Sign(header, WritePayload(descriptor), _key.Rsa);
    }

    /// <summary>
    /// Signs arbitrary header and payload JSON with RS256, for tests that need tokens IDaaS would never send.
    /// </summary>
    /// <param name="headerJson">The header JSON, encoded as given.</param>
    /// <param name="payloadJson">The payload JSON, encoded as given.</param>
    /// <param name="rsa">The private key.</param>
    /// <returns>The compact JWS.</returns>
    public static string Sign(string headerJson, string payloadJson, RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(headerJson);
        ArgumentNullException.ThrowIfNull(payloadJson);
        ArgumentNullException.ThrowIfNull(rsa);

        var signingInput = Base64UrlText.EncodeUtf8(headerJson) + "." + Base64UrlText.EncodeUtf8(payloadJson);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64UrlText.Encode(signature);
    }

    /// <summary>Wraps a token in the callback request body, <c>{"event":"&lt;token&gt;"}</c>.</summary>
    /// <param name="token">The compact JWS.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    public static byte[] CreateRequestBody(string token)
    {
        ArgumentNullException.ThrowIfNull(token);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", token);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string WritePayload(CallbackTokenDescriptor descriptor)
    {
        var issuedAt = descriptor.IssuedAt.ToUnixTimeSeconds();
        var expiresAt = issuedAt + (long)descriptor.Lifetime.TotalSeconds;
        var tokenId = descriptor.TokenId ?? Base64UrlText.Encode(RandomNumberGenerator.GetBytes(16));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", descriptor.Issuer);
            writer.WriteString("sub", descriptor.InstanceId);
            writer.WriteString("aud", descriptor.ApplicationId);
            writer.WriteNumber("exp", expiresAt);
            writer.WriteNumber("iat", issuedAt);
            writer.WriteString("jti", tokenId);
            writer.WriteBoolean("dataEncrypted", descriptor.CipherData is not null);
            writer.WriteString("cipherData", descriptor.CipherData ?? string.Empty);
            if (descriptor.CipherData is null)
            {
                writer.WritePropertyName("plainData");
                writer.WriteRawValue(descriptor.PlainData!);
            }
            else
            {
                writer.WriteString("plainData", string.Empty);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
