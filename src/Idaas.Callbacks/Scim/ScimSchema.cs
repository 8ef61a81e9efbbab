using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A schema definition from <c>/Schemas</c> (RFC 7643 section 7).
/// </summary>
public sealed record ScimSchema
{
    /// <summary>Gets the schema URN.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the schema name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the attribute definitions, as sent.</summary>
    public JsonArray? Attributes { get; init; }

    /// <summary>Gets or sets the members that this type does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
