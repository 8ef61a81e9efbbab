using System.Text.Json;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>
/// The real IDaaS-issued callback in TestData/idaas-callback-vectors.json: an encrypted 2022 user-delete event,
/// with the JWKS and the AES key of the application it was sent to.
/// </summary>
internal sealed class RealIdaasToken
{
    private RealIdaasToken(JsonElement root)
    {
        Token = root.GetProperty("vectors")[0].GetProperty("requestBody").GetProperty("event").GetString()!;
        EncryptionKeyHex = root.GetProperty("encryptKeyHex").GetString()!;
        JsonWebKeySet = root.GetProperty("jwks").GetRawText();
    }

    /// <summary>Gets the token, read once per test run.</summary>
    public static RealIdaasToken Instance { get; } = Load();

    /// <summary>Gets the compact JWS from the request body.</summary>
    public string Token { get; }

    /// <summary>Gets the business-data encryption key, needed only to decrypt <see cref="Token"/>'s cipherData.</summary>
    public string EncryptionKeyHex { get; }

    /// <summary>Gets the JWKS JSON text of the application.</summary>
    public string JsonWebKeySet { get; }

    private static RealIdaasToken Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "idaas-callback-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new RealIdaasToken(document.RootElement.Clone());
    }
}
