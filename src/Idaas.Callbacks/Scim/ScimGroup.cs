using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A SCIM Group resource (RFC 7643 section 4.2).
/// </summary>
/// <remarks>
/// Members that this type does not model are kept in <see cref="AdditionalAttributes"/> and written back. A
/// group read from a list may have no <see cref="Members"/>, because service providers may leave them out there.
/// </remarks>
public sealed record ScimGroup
{
    /// <summary>Gets the schema URNs. When <see langword="null"/>, the client sends the core Group schema.</summary>
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>Gets the id that the service provider assigned; <see langword="null"/> before creation.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the id that the client's own system uses for the group.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the group name, required by the service provider.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the members.</summary>
    public IReadOnlyList<ScimMember>? Members { get; init; }

    /// <summary>Gets the metadata that the service provider sets, including the version for <c>If-Match</c>.</summary>
    public ScimMeta? Meta { get; init; }

    /// <summary>Gets or sets the members that this type does not model, written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
