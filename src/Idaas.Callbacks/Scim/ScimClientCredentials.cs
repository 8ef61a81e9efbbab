namespace Idaas.Callbacks.Scim;

/// <summary>
/// Settings for OAuth 2.0 client-credentials tokens from the IDaaS token endpoint.
/// </summary>
public sealed class ScimClientCredentials
{
    /// <summary>
    /// Gets or sets the token endpoint. When <see langword="null"/>, the client uses
    /// <c>/v2/{InstanceId}/{ApplicationId}/oauth2/token</c> on the host of <see cref="ScimClientOptions.BaseAddress"/>.
    /// HTTPS is required unless the host is loopback.
    /// </summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Gets or sets the IDaaS instance id (<c>idaas_...</c>), used when <see cref="TokenEndpoint"/> is not set.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Gets or sets the IDaaS application id (<c>app_...</c>), used when <see cref="TokenEndpoint"/> is not set.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Gets or sets the client id. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret. Required. It is sent only to the token endpoint and never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets how the client id and secret are sent. Default <see cref="ScimClientAuthentication.Basic"/>.</summary>
    public ScimClientAuthentication ClientAuthentication { get; set; } = ScimClientAuthentication.Basic;

    /// <summary>Gets or sets the requested scope, or <see langword="null"/> to send none.</summary>
    public string? Scope { get; set; }

    /// <summary>
    /// Returns <see cref="TokenEndpoint"/>, or the endpoint derived from the ids and <paramref name="baseAddress"/>,
    /// or <see langword="null"/> when neither is set.
    /// </summary>
    internal Uri? ResolveTokenEndpoint(Uri? baseAddress)
    {
        if (TokenEndpoint is not null)
        {
            return TokenEndpoint;
        }

        if (baseAddress is null || !baseAddress.IsAbsoluteUri || string.IsNullOrWhiteSpace(InstanceId) || string.IsNullOrWhiteSpace(ApplicationId))
        {
            return null;
        }

        var path = $"/v2/{Uri.EscapeDataString(InstanceId)}/{Uri.EscapeDataString(ApplicationId)}/oauth2/token";
        return new Uri(new Uri(baseAddress.GetLeftPart(UriPartial.Authority)), path);
    }
}
