using System.Text.Json;

namespace Idaas.Callbacks.Tests.Support;

/// <summary>
/// The real IDaaS-issued callback in TestData/idaas-callback-vectors.json: an encrypted user:delete event
/// signed on 2022-03-30, with the JWKS and AES key that IDaaS used.
/// </summary>
internal sealed class RealVector
{
    private RealVector(JsonElement root)
    {
        var vector = root.GetProperty("vectors")[0];
        ApplicationId = root.GetProperty("appId").GetString()!;
        EncryptionKey = root.GetProperty("encryptKeyHex").GetString()!;
        JsonWebKeySet = root.GetProperty("jwks").GetRawText();
        Token = vector.GetProperty("requestBody").GetProperty("event").GetString()!;
        Body = System.Text.Encoding.UTF8.GetBytes(vector.GetProperty("requestBody").GetRawText());
        var claims = vector.GetProperty("expectedClaims");
        IssuedAt = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("iat").GetInt64());
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        CipherData = claims.GetProperty("cipherData").GetString()!;
        Plaintext = vector.GetProperty("expectedDecryptedCipherData").GetString()!;
        Subject = claims.GetProperty("sub").GetString()!;
        TokenId = claims.GetProperty("jti").GetString()!;
    }

    /// <summary>Gets the vector, read once per test run.</summary>
    public static RealVector Instance { get; } = Load();

    public string ApplicationId { get; }

    public string EncryptionKey { get; }

    public string JsonWebKeySet { get; }

    public string Token { get; }

    public byte[] Body { get; }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public string CipherData { get; }

    public string Plaintext { get; }

    public string Subject { get; }

    public string TokenId { get; }

    public static RealVector Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "idaas-callback-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new RealVector(document.RootElement);
    }
}
