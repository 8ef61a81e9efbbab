using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// The features that a service provider supports, from <c>/ServiceProviderConfig</c> (RFC 7643 section 5).
/// </summary>
public sealed record ScimServiceProviderConfig
{
    /// <summary>Gets the URL of the service provider's documentation.</summary>
    public string? DocumentationUri { get; init; }

    /// <summary>Gets whether PATCH is supported.</summary>
    public ScimFeature? Patch { get; init; }

    /// <summary>Gets whether bulk requests are supported.</summary>
    public ScimFeature? Bulk { get; init; }

    /// <summary>Gets whether filters are supported, with the maximum number of results in <see cref="ScimFeature.MaxResults"/>.</summary>
    public ScimFeature? Filter { get; init; }

    /// <summary>Gets whether password changes are supported.</summary>
    public ScimFeature? ChangePassword { get; init; }

    /// <summary>Gets whether sorting is supported.</summary>
    public ScimFeature? Sort { get; init; }

    /// <summary>Gets whether entity tags (<c>meta.version</c>) are supported.</summary>
    public ScimFeature? Etag { get; init; }

    /// <summary>Gets the supported authentication schemes, as sent.</summary>
    public JsonArray? AuthenticationSchemes { get; init; }

    /// <summary>Gets or sets the members that this type does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
