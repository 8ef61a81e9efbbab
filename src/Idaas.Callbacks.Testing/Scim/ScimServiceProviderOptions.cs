using System.Security.Cryptography;

namespace Idaas.Callbacks.Testing.Scim;

/// <summary>Settings of a <see cref="SimulatorScimServiceProvider"/>: client credentials, tokens and the rate limit.</summary>
/// <remarks>The provider reads the settings at each request, so a change takes effect on the next request.</remarks>
public sealed class ScimServiceProviderOptions
{
    /// <summary>Gets or sets the OAuth 2.0 client id that the token endpoint accepts. Default <c>scim-client</c>.</summary>
    public string ClientId { get; set; } = "scim-client";

    /// <summary>Gets or sets the OAuth 2.0 client secret that the token endpoint accepts. Default a random 32-character secret.</summary>
    public string ClientSecret { get; set; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>
    /// Gets or sets a static bearer token, like the one the IDaaS console generates, that the SCIM endpoints accept
    /// besides issued tokens. Default <see langword="null"/>, for none.
    /// </summary>
    public string? StaticBearerToken { get; set; }

    /// <summary>Gets or sets the lifetime of issued access tokens, sent as <c>expires_in</c>. Default 1 hour; at least 1 second.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the number of requests per second, over a sliding one-second window of the provider's
    /// <see cref="TimeProvider"/>, past which requests get HTTP 429 with <c>Retry-After</c>. Default 100; 0 turns the
    /// limit off.
    /// </summary>
    /// <remarks>
    /// IDaaS does not document its SCIM rate limit; 100 requests per second is an assumption. Every request counts,
    /// including token requests, discovery and rejected requests.
    /// </remarks>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>Throws when a setting is out of range.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId, nameof(ClientId));
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientSecret, nameof(ClientSecret));
        ArgumentOutOfRangeException.ThrowIfLessThan(TokenLifetime, TimeSpan.FromSeconds(1), nameof(TokenLifetime));
        ArgumentOutOfRangeException.ThrowIfNegative(RequestsPerSecond, nameof(RequestsPerSecond));
    }
}
