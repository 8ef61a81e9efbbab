using System.Text.Json.Serialization;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A SCIM error response body (RFC 7644 section 3.12).
/// </summary>
public sealed record ScimError
{
    /// <summary>Gets the schema URNs.</summary>
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>Gets the HTTP status code; read from a JSON string or number.</summary>
    [JsonConverter(typeof(ScimStatusConverter))]
    public int? Status { get; init; }

    /// <summary>
    /// Gets the SCIM error type, such as <c>uniqueness</c> or <c>invalidFilter</c>. A known type sent in another
    /// case is returned in the case of <see cref="ScimErrorTypes"/>.
    /// </summary>
    [JsonConverter(typeof(ScimErrorTypeConverter))]
    public string? ScimType { get; init; }

    /// <summary>Gets the service provider's description of the error.</summary>
    public string? Detail { get; init; }
}
