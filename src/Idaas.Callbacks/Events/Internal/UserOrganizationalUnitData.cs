using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>Wire form of one entry of an account's organizational-unit list.</summary>
internal sealed class UserOrganizationalUnitData
{
    public string? OrganizationalUnitId { get; set; }

    public string? OrganizationalUnitName { get; set; }

    public string? Name { get; set; }

    public bool? Primary { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
