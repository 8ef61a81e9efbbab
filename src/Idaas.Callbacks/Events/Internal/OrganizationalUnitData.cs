using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// Wire form of an organizational-unit record. Renamed members have a property for each name, and
/// <see cref="BusinessDataMapper"/> merges them.
/// </summary>
internal sealed class OrganizationalUnitData
{
    public string? OrganizationalUnitId { get; set; }

    public string? OrganizationalUnitName { get; set; }

    public string? Name { get; set; }

    public string? ParentId { get; set; }

    public string? OrganizationalUnitExternalId { get; set; }

    public string? ExternalId { get; set; }

    public string? OrganizationalUnitSourceType { get; set; }

    public string? SourceType { get; set; }

    public string? OrganizationalUnitSourceId { get; set; }

    public string? SourceId { get; set; }

    // NOTE: The IDaaS Java SDK types these times as strings, and no sample shows their format. They are read as
    // milliseconds since the Unix epoch, like every other IDaaS time. Any other text fails the event.
    public DateTimeOffset? CreateTime { get; set; }

    public DateTimeOffset? UpdateTime { get; set; }

    public DateTimeOffset? LastUpdatedTime { get; set; }

    public string? Description { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
