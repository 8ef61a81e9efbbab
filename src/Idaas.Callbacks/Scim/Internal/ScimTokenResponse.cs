using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// The OAuth 2.0 token endpoint's response (RFC 6749 sections 5.1 and 5.2).
/// </summary>
internal sealed record ScimTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
