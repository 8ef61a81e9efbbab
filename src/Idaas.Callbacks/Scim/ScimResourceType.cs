using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A resource type that the service provider serves, from <c>/ResourceTypes</c> (RFC 7643 section 6).
/// </summary>
public sealed record ScimResourceType
{
    /// <summary>Gets the resource type id.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the resource type name, such as <c>User</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the endpoint relative to the base URL, such as <c>/Users</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the URN of the core schema.</summary>
    public string? Schema { get; init; }

    /// <summary>Gets the schema extensions, as sent, each with <c>schema</c> and <c>required</c>.</summary>
    public JsonArray? SchemaExtensions { get; init; }

    /// <summary>Gets or sets the members that this type does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
