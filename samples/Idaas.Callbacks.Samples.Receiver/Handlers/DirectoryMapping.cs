using System.Text.Json;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Samples.Receiver.Directory;

namespace Idaas.Callbacks.Samples.Receiver.Handlers;

/// <summary>Converts the SDK's event records into local directory rows. Passwords are dropped here.</summary>
internal static class DirectoryMapping
{
    public static DirectoryUser ToDirectoryUser(string userId, IdaasUser user) => new()
    {
        UserId = userId,
        Username = user.Username,
        DisplayName = user.DisplayName,
        Email = user.Email,
        PhoneNumber = user.PhoneNumber,
        Description = user.Description,
        Status = user.Status,
        PasswordSet = user.PasswordSet,

        // 2022-format records name the primary unit only inside the unit list.
        PrimaryOrganizationalUnitId = user.PrimaryOrganizationalUnitId
            ?? user.OrganizationalUnits?.FirstOrDefault(unit => unit.Primary == true)?.OrganizationalUnitId,
        LockExpireTime = user.LockExpireTime,
        UpdateTime = user.UpdateTime,
    };

    public static DirectoryOrganizationalUnit ToDirectoryUnit(string organizationalUnitId, IdaasOrganizationalUnit unit) => new()
    {
        OrganizationalUnitId = organizationalUnitId,
        Name = unit.Name,
        ParentId = unit.ParentId,
        Description = unit.Description,
        UpdateTime = unit.UpdateTime,
    };

    public static DirectoryGroup ToDirectoryGroup(string groupId, IdaasGroup group) => new()
    {
        GroupId = groupId,
        Name = group.Name,
        Description = group.Description,
        UpdateTime = group.UpdateTime,
    };

    /// <summary>Reads the member account id of a member-added or member-removed event.</summary>
    /// <returns>The id, or <see langword="null"/> when the record does not name one.</returns>
    public static string? GetMemberId(IdaasGroup group)
    {
        // NOTE: IDaaS does not document how member events name the member. This reads "userId", which is what
        // the simulator sends; a real receiver should confirm the name with its own IDaaS instance.
        return group.AdditionalProperties.TryGetValue("userId", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}
