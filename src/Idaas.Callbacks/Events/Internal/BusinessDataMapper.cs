using System.Collections.ObjectModel;
using System.Text.Json;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// Maps the wire records to the public records. Where IDaaS renamed a member, the current name wins over the
/// 2022 name when a record carries both.
/// </summary>
internal static class BusinessDataMapper
{
    /// <summary>Maps an account record, or returns <see langword="null"/> when its unit list contains a null entry.</summary>
    public static IdaasUser? ToUser(UserData data)
    {
        var units = data.UserOrganizationalUnits ?? data.OrganizationalUnits;
        IdaasUserOrganizationalUnit[]? mappedUnits = null;
        if (units is not null)
        {
            mappedUnits = new IdaasUserOrganizationalUnit[units.Count];
            for (var i = 0; i < units.Count; i++)
            {
                if (units[i] is not { } unit)
                {
                    return null;
                }

                mappedUnits[i] = ToUserOrganizationalUnit(unit);
            }
        }

        return new IdaasUser
        {
            UserId = data.UserId,
            Username = data.Username,
            DisplayName = data.DisplayName,
            ExternalId = data.UserExternalId ?? data.ExternalId,
            SourceType = data.UserSourceType ?? data.SourceType,
            SourceId = data.UserSourceId ?? data.SourceId,
            Password = data.Password,
            PasswordSet = data.PasswordSet,
            PhoneNumber = data.PhoneNumber,
            PhoneRegion = data.PhoneRegion,
            PhoneVerified = data.PhoneVerified,
            Email = data.Email,
            EmailVerified = data.EmailVerified,
            Status = data.Status,
            AccountExpireTime = data.AccountExpireTime,
            LockExpireTime = data.LockExpireTime,
            RegisterTime = data.RegisterTime,
            CreateTime = data.CreateTime,
            UpdateTime = data.UpdateTime ?? data.LastUpdatedTime,
            Description = data.Description,
            PrimaryOrganizationalUnitId = data.PrimaryOrganizationalUnitId,
            OrganizationalUnits = mappedUnits,
            AdditionalProperties = ToReadOnly(data.AdditionalProperties),
        };
    }

    /// <summary>Maps an organizational-unit record.</summary>
    public static IdaasOrganizationalUnit ToOrganizationalUnit(OrganizationalUnitData data) => new()
    {
        OrganizationalUnitId = data.OrganizationalUnitId,
        Name = data.OrganizationalUnitName ?? data.Name,
        ParentId = data.ParentId,
        ExternalId = data.OrganizationalUnitExternalId ?? data.ExternalId,
        SourceType = data.OrganizationalUnitSourceType ?? data.SourceType,
        SourceId = data.OrganizationalUnitSourceId ?? data.SourceId,
        CreateTime = data.CreateTime,
        UpdateTime = data.UpdateTime ?? data.LastUpdatedTime,
        Description = data.Description,
        AdditionalProperties = ToReadOnly(data.AdditionalProperties),
    };

    /// <summary>Maps a group record.</summary>
    public static IdaasGroup ToGroup(GroupData data) => new()
    {
        GroupId = data.GroupId,
        Name = data.GroupName,
        ExternalId = data.GroupExternalId,
        SourceType = data.GroupSourceType,
        SourceId = data.GroupSourceId,
        CreateTime = data.CreateTime,
        UpdateTime = data.UpdateTime,
        Description = data.Description,
        AdditionalProperties = ToReadOnly(data.AdditionalProperties),
    };

    private static IdaasUserOrganizationalUnit ToUserOrganizationalUnit(UserOrganizationalUnitData data) => new()
    {
        OrganizationalUnitId = data.OrganizationalUnitId,
        Name = data.OrganizationalUnitName ?? data.Name,
        Primary = data.Primary,
        AdditionalProperties = ToReadOnly(data.AdditionalProperties),
    };

    // The serializer deserializes JsonElement values as standalone copies, so they stay valid after the pooled
    // buffer that held the business data is returned.
    private static ReadOnlyDictionary<string, JsonElement> ToReadOnly(Dictionary<string, JsonElement>? members)
        => members is { Count: > 0 } ? members.AsReadOnly() : ReadOnlyDictionary<string, JsonElement>.Empty;
}
