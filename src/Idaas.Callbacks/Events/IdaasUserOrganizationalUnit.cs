using System.Collections.ObjectModel;
using System.Text.Json;

namespace Idaas.Callbacks.Events;

/// <summary>An organizational unit that an account belongs to, as listed in the account record.</summary>
public sealed record IdaasUserOrganizationalUnit
{
    /// <summary>Gets the organizational-unit id, such as <c>ou_root</c>.</summary>
    public string? OrganizationalUnitId { get; init; }

    /// <summary>Gets the unit name (<c>organizationalUnitName</c>, formerly <c>name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets a value indicating whether this is the account's primary organizational unit.</summary>
    public bool? Primary { get; init; }

    /// <summary>Gets the members of the entry that this library does not map, by their JSON names.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; init; } = ReadOnlyDictionary<string, JsonElement>.Empty;
}
