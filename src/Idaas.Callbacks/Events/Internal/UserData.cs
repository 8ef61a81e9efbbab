using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// Wire form of an account record. Renamed members have a property for each name, and <see cref="BusinessDataMapper"/>
/// merges them.
/// </summary>
internal sealed class UserData
{
    public string? UserId { get; set; }

    public string? Username { get; set; }

    public string? DisplayName { get; set; }

    public string? UserExternalId { get; set; }

    public string? ExternalId { get; set; }

    public string? UserSourceType { get; set; }

    public string? SourceType { get; set; }

    public string? UserSourceId { get; set; }

    public string? SourceId { get; set; }

    public string? Password { get; set; }

    public bool? PasswordSet { get; set; }

    public string? PhoneNumber { get; set; }

    public string? PhoneRegion { get; set; }

    public bool? PhoneVerified { get; set; }

    public string? Email { get; set; }

    public bool? EmailVerified { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? AccountExpireTime { get; set; }

    public DateTimeOffset? LockExpireTime { get; set; }

    public DateTimeOffset? RegisterTime { get; set; }

    public DateTimeOffset? CreateTime { get; set; }

    public DateTimeOffset? UpdateTime { get; set; }

    public DateTimeOffset? LastUpdatedTime { get; set; }

    public string? Description { get; set; }

    public string? PrimaryOrganizationalUnitId { get; set; }

    public List<UserOrganizationalUnitData?>? UserOrganizationalUnits { get; set; }

    public List<UserOrganizationalUnitData?>? OrganizationalUnits { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
