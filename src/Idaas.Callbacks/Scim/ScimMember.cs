using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A member of a group, or a group of a user (RFC 7643 section 4.2).
/// </summary>
public sealed record ScimMember
{
    /// <summary>Gets the <c>id</c> of the member's resource.</summary>
    public string? Value { get; init; }

    /// <summary>Gets the URI of the member's resource.</summary>
    [JsonPropertyName("$ref")]
    public string? Ref { get; init; }

    /// <summary>Gets the member's display name.</summary>
    public string? Display { get; init; }

    /// <summary>Gets the member's resource type, <c>User</c> or <c>Group</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets or sets the members that this type does not model, written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
