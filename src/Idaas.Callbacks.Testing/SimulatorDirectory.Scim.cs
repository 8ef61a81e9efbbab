using System.Text.Json.Nodes;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Internal;
using Idaas.Callbacks.Testing.Scim.Internal;

namespace Idaas.Callbacks.Testing;

// SCIM writes: each one applies a whole resource and returns every event it caused as one change.
public sealed partial class SimulatorDirectory
{
    /// <summary>Runs an action under the directory lock, so that a SCIM check and write see one state.</summary>
    internal T RunLocked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return action();
        }
    }

    /// <summary>Returns the account with an id, or <see langword="null"/>. Call under <see cref="RunLocked"/>.</summary>
    internal UserRecord? FindUserRecord(string userId) => _users.GetValueOrDefault(userId);

    /// <summary>Returns the group with an id, or <see langword="null"/>. Call under <see cref="RunLocked"/>.</summary>
    internal GroupRecord? FindGroupRecord(string groupId) => _groups.GetValueOrDefault(groupId);

    /// <summary>Returns the accounts in creation order. Call under <see cref="RunLocked"/>.</summary>
    internal IEnumerable<UserRecord> UserRecordsInOrder() => _users.Values.OrderBy(u => u.Sequence);

    /// <summary>Returns the groups in creation order. Call under <see cref="RunLocked"/>.</summary>
    internal IEnumerable<GroupRecord> GroupRecordsInOrder() => _groups.Values.OrderBy(g => g.Sequence);

    /// <summary>
    /// Creates an account from a SCIM resource: <see cref="IdaasEventTypes.UserCreated"/>, then
    /// <see cref="IdaasEventTypes.UserDisabled"/> when the resource is inactive.
    /// </summary>
    internal SimulatorChange CreateScimUser(ScimUserValues values)
    {
        lock (_lock)
        {
            var created = CreateUser(values.UserName, values.DisplayName, values.Email, values.Password);
            var user = _users[created.ObjectId];
            user.ScimAttributes = values.Attributes;
            var events = new List<SimulatorEvent>(created.Events);
            if (!values.Active)
            {
                events.AddRange(DisableUser(user.UserId).Events);
            }

            return new SimulatorChange(user.UserId, events);
        }
    }

    /// <summary>
    /// Replaces an account with a SCIM resource and emits one event per kind of change: information, password,
    /// and status. A resource equal to the stored one changes nothing and emits nothing.
    /// </summary>
    internal SimulatorChange ReplaceScimUser(string userId, ScimUserValues values)
    {
        lock (_lock)
        {
            var user = GetUser(userId);
            var events = new List<SimulatorEvent>();
            var infoChanged = !string.Equals(user.Username, values.UserName, StringComparison.Ordinal)
                || !string.Equals(user.DisplayName, values.DisplayName ?? values.UserName, StringComparison.Ordinal)
                || !string.Equals(user.Email, values.Email, StringComparison.Ordinal)
                || !JsonNode.DeepEquals(user.ScimAttributes ?? [], values.Attributes);
            if (infoChanged)
            {
                user.Username = values.UserName;
                user.DisplayName = values.DisplayName ?? values.UserName;
                user.Email = values.Email;
                user.ScimAttributes = values.Attributes;
                events.AddRange(Touch(IdaasEventTypes.UserInfoUpdated, user).Events);
            }

            if (values.Password is not null)
            {
                events.AddRange(ChangePassword(userId, values.Password).Events);
            }

            var active = string.Equals(user.Status, "enabled", StringComparison.Ordinal);
            if (active != values.Active)
            {
                events.AddRange((values.Active ? EnableUser(userId) : DisableUser(userId)).Events);
            }

            return new SimulatorChange(userId, events);
        }
    }

    /// <summary>
    /// Creates a group from a SCIM resource: <see cref="IdaasEventTypes.GroupCreated"/>, then one
    /// <see cref="IdaasEventTypes.GroupUserAdded"/> per member.
    /// </summary>
    internal SimulatorChange CreateScimGroup(ScimGroupValues values)
    {
        lock (_lock)
        {
            var created = CreateGroup(values.DisplayName);
            var group = _groups[created.ObjectId];
            group.ScimAttributes = values.Attributes;
            var events = new List<SimulatorEvent>(created.Events);
            foreach (var memberId in values.MemberIds)
            {
                events.AddRange(AddGroupMember(group.GroupId, memberId).Events);
            }

            return new SimulatorChange(group.GroupId, events);
        }
    }

    /// <summary>
    /// Replaces a group with a SCIM resource: <see cref="IdaasEventTypes.GroupUpdated"/> when its name or other
    /// attributes changed, then one member event per account added or removed.
    /// </summary>
    internal SimulatorChange ReplaceScimGroup(string groupId, ScimGroupValues values)
    {
        lock (_lock)
        {
            var group = GetGroup(groupId);
            var events = new List<SimulatorEvent>();
            if (!string.Equals(group.Name, values.DisplayName, StringComparison.Ordinal)
                || !JsonNode.DeepEquals(group.ScimAttributes ?? [], values.Attributes))
            {
                group.Name = values.DisplayName;
                group.ScimAttributes = values.Attributes;
                group.UpdateTime = NowMilliseconds();
                events.AddRange(EmitGroup(IdaasEventTypes.GroupUpdated, group, memberId: null).Events);
            }

            foreach (var removed in group.MemberIds.Except(values.MemberIds, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())
            {
                events.AddRange(RemoveGroupMember(groupId, removed).Events);
            }

            foreach (var added in values.MemberIds.Where(id => !group.MemberIds.Contains(id)))
            {
                events.AddRange(AddGroupMember(groupId, added).Events);
            }

            return new SimulatorChange(groupId, events);
        }
    }
}
