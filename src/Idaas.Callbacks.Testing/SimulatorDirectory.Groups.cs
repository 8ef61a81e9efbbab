using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

// Group operations.
public sealed partial class SimulatorDirectory
{
    /// <summary>Creates a group without members and emits <see cref="IdaasEventTypes.GroupCreated"/>.</summary>
    /// <param name="name">The group name.</param>
    /// <param name="description">The description, or <see langword="null"/> for none.</param>
    /// <returns>The new <c>group_</c> id and the emitted events.</returns>
    public SimulatorChange CreateGroup(string name, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        lock (_lock)
        {
            var now = NowMilliseconds();
            var group = new GroupRecord
            {
                GroupId = SimulatorIds.CreateGroupId(),
                Sequence = _sequence++,
                Name = name,
                Description = description,
                CreateTime = now,
                UpdateTime = now,
            };
            _groups.Add(group.GroupId, group);
            return EmitGroup(IdaasEventTypes.GroupCreated, group, memberId: null);
        }
    }

    /// <summary>Changes the name or description and emits <see cref="IdaasEventTypes.GroupUpdated"/>.</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="name">The new name, or <see langword="null"/> to keep it.</param>
    /// <param name="description">The new description, or <see langword="null"/> to keep it.</param>
    /// <returns>The group id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The group does not exist.</exception>
    public SimulatorChange UpdateGroup(string groupId, string? name = null, string? description = null)
    {
        lock (_lock)
        {
            var group = GetGroup(groupId);
            group.Name = name ?? group.Name;
            group.Description = description ?? group.Description;
            group.UpdateTime = NowMilliseconds();
            return EmitGroup(IdaasEventTypes.GroupUpdated, group, memberId: null);
        }
    }

    /// <summary>Deletes a group and emits <see cref="IdaasEventTypes.GroupDeleted"/>.</summary>
    /// <exception cref="KeyNotFoundException">The group does not exist.</exception>
    public SimulatorChange DeleteGroup(string groupId)
    {
        lock (_lock)
        {
            var group = GetGroup(groupId);
            _groups.Remove(groupId);
            var writer = CreateWriter();
            return Emit(IdaasEventTypes.GroupDeleted, groupId, () => writer.WriteDeleted("groupId", groupId, () => writer.WriteGroup(group)));
        }
    }

    /// <summary>
    /// Adds an account to a group and emits <see cref="IdaasEventTypes.GroupUserAdded"/>. Adding a member twice
    /// changes nothing and emits no event.
    /// </summary>
    /// <returns>The group id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The group or the account does not exist.</exception>
    public SimulatorChange AddGroupMember(string groupId, string userId)
    {
        lock (_lock)
        {
            var group = GetGroup(groupId);
            var user = GetUser(userId);
            if (!group.MemberIds.Add(user.UserId))
            {
                return new SimulatorChange(groupId, []);
            }

            group.UpdateTime = NowMilliseconds();
            return EmitGroup(IdaasEventTypes.GroupUserAdded, group, user.UserId);
        }
    }

    /// <summary>
    /// Removes an account from a group and emits <see cref="IdaasEventTypes.GroupUserRemoved"/>. Removing an
    /// account that is not a member changes nothing and emits no event.
    /// </summary>
    /// <returns>The group id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The group does not exist.</exception>
    public SimulatorChange RemoveGroupMember(string groupId, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);

        lock (_lock)
        {
            var group = GetGroup(groupId);
            if (!group.MemberIds.Remove(userId))
            {
                return new SimulatorChange(groupId, []);
            }

            group.UpdateTime = NowMilliseconds();
            return EmitGroup(IdaasEventTypes.GroupUserRemoved, group, userId);
        }
    }

    private SimulatorChange EmitGroup(string eventType, GroupRecord group, string? memberId)
    {
        group.Version++;
        var writer = CreateWriter();
        return Emit(eventType, group.GroupId, () =>
        {
            var data = writer.WriteGroup(group);

            // NOTE: IDaaS does not document how member events name the member. The simulator sends "userId",
            // which the SDK keeps in IdaasGroup.AdditionalProperties.
            if (memberId is not null)
            {
                data["userId"] = memberId;
            }

            return data;
        });
    }
}
