using System.Text.Json;
using System.Text.Json.Serialization;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A SCIM User resource (RFC 7643 section 4.1) with the Enterprise User extension.
/// </summary>
/// <remarks>
/// Attribute names are read in any case. Members that this type does not model, including other schema
/// extensions, are kept in <see cref="AdditionalAttributes"/> and written back, so a read-modify-replace
/// round trip loses nothing.
/// </remarks>
public sealed record ScimUser
{
    /// <summary>
    /// Gets the schema URNs. When <see langword="null"/>, the client sends the core User schema, plus the
    /// Enterprise User schema when <see cref="EnterpriseUser"/> is set.
    /// </summary>
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>Gets the id that the service provider assigned; <see langword="null"/> before creation.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the id that the client's own system uses for the user.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the unique sign-in name, required by the service provider.</summary>
    public string? UserName { get; init; }

    /// <summary>Gets the components of the user's name.</summary>
    public ScimName? Name { get; init; }

    /// <summary>Gets the name for display.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the casual name.</summary>
    public string? NickName { get; init; }

    /// <summary>Gets the job title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets a value indicating whether the user may sign in; also read from <c>"True"</c> and <c>"False"</c>.</summary>
    [JsonConverter(typeof(ScimBooleanConverter))]
    public bool? Active { get; init; }

    /// <summary>Gets the password to set. Service providers never return it.</summary>
    public string? Password { get; init; }

    /// <summary>Gets the email addresses.</summary>
    public IReadOnlyList<ScimMultiValue>? Emails { get; init; }

    /// <summary>Gets the phone numbers.</summary>
    public IReadOnlyList<ScimMultiValue>? PhoneNumbers { get; init; }

    /// <summary>Gets the groups the user belongs to, which the service provider sets.</summary>
    public IReadOnlyList<ScimMember>? Groups { get; init; }

    /// <summary>Gets the Enterprise User extension.</summary>
    [JsonPropertyName(ScimSchemas.EnterpriseUser)]
    public ScimEnterpriseUser? EnterpriseUser { get; init; }

    /// <summary>Gets the metadata that the service provider sets, including the version for <c>If-Match</c>.</summary>
    public ScimMeta? Meta { get; init; }

    /// <summary>Gets or sets the members that this type does not model, written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
