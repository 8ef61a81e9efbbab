using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>Wire form of a group record, with the member names of the IDaaS OpenAPI group model.</summary>
internal sealed class GroupData
{
    public string? GroupId { get; set; }

    public string? GroupName { get; set; }

    public string? GroupExternalId { get; set; }

    public string? GroupSourceType { get; set; }

    public string? GroupSourceId { get; set; }

    public DateTimeOffset? CreateTime { get; set; }

    public DateTimeOffset? UpdateTime { get; set; }

    public string? Description { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
