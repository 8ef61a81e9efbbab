using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// The <c>manager</c> of an Enterprise User (RFC 7643 section 4.3). The client reads a bare string as the
/// manager's id and always writes the complex form.
/// </summary>
public sealed record ScimManager
{
    /// <summary>Gets the <c>id</c> of the manager's User resource.</summary>
    public string? Value { get; init; }

    /// <summary>Gets the URI of the manager's User resource.</summary>
    [JsonPropertyName("$ref")]
    public string? Ref { get; init; }

    /// <summary>Gets the manager's display name, which the service provider sets.</summary>
    public string? DisplayName { get; init; }
}
