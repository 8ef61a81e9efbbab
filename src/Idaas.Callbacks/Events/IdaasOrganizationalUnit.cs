using System.Collections.ObjectModel;
using System.Text.Json;

namespace Idaas.Callbacks.Events;

/// <summary>
/// An IDaaS organizational-unit record from the business data of an organizational-unit event. Every member is
/// optional, because IDaaS may send a partial record.
/// </summary>
/// <remarks>
/// Where IDaaS renamed a member in its 2022 SDK update, both names are read, and the current name wins when both
/// are present.
/// </remarks>
public sealed record IdaasOrganizationalUnit
{
    /// <summary>Gets the organizational-unit id (<c>ou_…</c>).</summary>
    public string? OrganizationalUnitId { get; init; }

    /// <summary>Gets the unit name (<c>organizationalUnitName</c>, formerly <c>name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the id of the parent organizational unit.</summary>
    public string? ParentId { get; init; }

    /// <summary>Gets the id in the source system (<c>organizationalUnitExternalId</c>, formerly <c>externalId</c>).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the kind of source system (<c>organizationalUnitSourceType</c>, formerly <c>sourceType</c>).</summary>
    public string? SourceType { get; init; }

    /// <summary>Gets the source system id (<c>organizationalUnitSourceId</c>, formerly <c>sourceId</c>).</summary>
    public string? SourceId { get; init; }

    /// <summary>Gets the creation time.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>Gets the time of the last change (<c>updateTime</c>, formerly <c>lastUpdatedTime</c>).</summary>
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the members of the record that this library does not map, by their JSON names.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; init; } = ReadOnlyDictionary<string, JsonElement>.Empty;
}
