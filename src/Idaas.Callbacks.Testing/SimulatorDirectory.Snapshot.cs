using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

// A point-in-time copy of the directory, for comparing a receiver's directory with the simulator's.
public sealed partial class SimulatorDirectory
{
    /// <summary>
    /// Copies the current accounts, organizational units and groups into an immutable snapshot. Later changes
    /// to the directory do not change the snapshot.
    /// </summary>
    /// <returns>The snapshot, with every list sorted ordinally by id.</returns>
    /// <remarks>Passwords are not copied, but <see cref="SimulatorUserSnapshot.PasswordSet"/> records whether one is set.</remarks>
    public SimulatorDirectorySnapshot CreateSnapshot()
    {
        lock (_lock)
        {
            return new SimulatorDirectorySnapshot
            {
                Users = [.. _users.Values.OrderBy(user => user.UserId, StringComparer.Ordinal).Select(ToSnapshot)],
                OrganizationalUnits = [.. _units.Values.OrderBy(unit => unit.OrganizationalUnitId, StringComparer.Ordinal).Select(ToSnapshot)],
                Groups = [.. _groups.Values.OrderBy(group => group.GroupId, StringComparer.Ordinal).Select(ToSnapshot)],
            };
        }
    }

    private static SimulatorUserSnapshot ToSnapshot(UserRecord user) => new()
    {
        UserId = user.UserId,
        Username = user.Username,
        DisplayName = user.DisplayName,
        Email = user.Email,
        Description = user.Description,
        Status = user.Status,
        PasswordSet = user.Password is not null,
        PrimaryOrganizationalUnitId = user.PrimaryOrganizationalUnitId,
        LockExpireTime = user.LockExpireTime < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(user.LockExpireTime),
    };

    private static SimulatorOrganizationalUnitSnapshot ToSnapshot(OrganizationalUnitRecord unit) => new()
    {
        OrganizationalUnitId = unit.OrganizationalUnitId,
        Name = unit.Name,
        ParentId = unit.ParentId,
        Description = unit.Description,
    };

    private static SimulatorGroupSnapshot ToSnapshot(GroupRecord group) => new()
    {
        GroupId = group.GroupId,
        Name = group.Name,
        Description = group.Description,
        MemberIds = [.. group.MemberIds.Order(StringComparer.Ordinal)],
    };
}
