using System.Text.Json;
using System.Text.Json.Serialization;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// The Enterprise User extension of a User (RFC 7643 section 4.3), under the member
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>.
/// </summary>
public sealed record ScimEnterpriseUser
{
    /// <summary>Gets the employee number assigned by the organization.</summary>
    public string? EmployeeNumber { get; init; }

    /// <summary>Gets the cost center.</summary>
    public string? CostCenter { get; init; }

    /// <summary>Gets the organization name.</summary>
    public string? Organization { get; init; }

    /// <summary>Gets the division name.</summary>
    public string? Division { get; init; }

    /// <summary>Gets the department name.</summary>
    public string? Department { get; init; }

    /// <summary>Gets the user's manager; read from a string or an object, written as an object.</summary>
    [JsonConverter(typeof(ScimManagerConverter))]
    public ScimManager? Manager { get; init; }

    /// <summary>Gets or sets the members that this type does not model, written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
