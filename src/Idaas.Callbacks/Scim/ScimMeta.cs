using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// Resource metadata that the service provider sets (RFC 7643 section 3.1). Clients read it and never need to send it.
/// </summary>
public sealed record ScimMeta
{
    /// <summary>Gets the resource type name, such as <c>User</c> or <c>Group</c>.</summary>
    public string? ResourceType { get; init; }

    /// <summary>Gets the time the resource was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Gets the time the resource was last changed.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Gets the entity tag of the current version, such as <c>W/"3"</c>, sent back in <c>If-Match</c>.</summary>
    public string? Version { get; init; }

    /// <summary>Gets the URL of the resource.</summary>
    public string? Location { get; init; }

    /// <summary>Gets or sets the members that this type does not model, written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
