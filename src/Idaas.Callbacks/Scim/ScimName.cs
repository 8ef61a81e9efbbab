using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// The components of a user's name (RFC 7643 section 4.1.1).
/// </summary>
public sealed record ScimName
{
    /// <summary>Gets the full name for display.</summary>
    public string? Formatted { get; init; }

    /// <summary>Gets the family name.</summary>
    public string? FamilyName { get; init; }

    /// <summary>Gets the given name.</summary>
    public string? GivenName { get; init; }

    /// <summary>Gets the middle name.</summary>
    public string? MiddleName { get; init; }

    /// <summary>Gets the honorific prefix, such as <c>Ms.</c>.</summary>
    public string? HonorificPrefix { get; init; }

    /// <summary>Gets the honorific suffix, such as <c>III</c>.</summary>
    public string? HonorificSuffix { get; init; }

    /// <summary>Gets or sets the members that this type does not model, written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
