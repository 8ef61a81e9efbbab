using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Tests.Keys;

/// <summary>
/// Builds JWKS documents and RS256 tokens from test keys.
/// </summary>
internal static class TestJwks
{
    public static JsonObject RsaEntry(RSA rsa, string? kid, string? use = "sig")
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var entry = new JsonObject { ["kty"] = "RSA", ["e"] = Encode(parameters.Exponent!) };
        if (use is not null)
        {
            entry["use"] = use;
        }

        if (kid is not null)
        {
            entry["kid"] = kid;
        }

        entry["n"] = Encode(parameters.Modulus!);
        return entry;
    }

    public static string Document(params JsonNode[] entries) =>
        new JsonObject { ["keys"] = new JsonArray([.. entries]) }.ToJsonString();

    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static string Sign(RSA rsa, string? kid)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "idaas_test", ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>
    /// Checks whether one of <paramref name="keys"/> verifies the RS256 signature of <paramref name="token"/>. Each
    /// key is tried alone, whatever its kid, because choosing the candidates is the cache's job.
    /// </summary>
    public static async Task<bool> VerifiesWithAnyAsync(string token, IReadOnlyList<SecurityKey> keys)
    {
        var handler = new JsonWebTokenHandler();
        foreach (var key in keys)
        {
            var parameters = new TokenValidationParameters
            {
                IssuerSigningKey = key,
                TryAllIssuerSigningKeys = true,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ValidateIssuer = false,
                ValidateAudience = false,
                ValidateLifetime = false,
            };
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (result.IsValid)
            {
                return true;
            }
        }

        return false;
    }
}
