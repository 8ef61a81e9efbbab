using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

// Account operations.
public sealed partial class SimulatorDirectory
{
    /// <summary>Creates an enabled account and emits <see cref="IdaasEventTypes.UserCreated"/>.</summary>
    /// <param name="username">The login name.</param>
    /// <param name="displayName">The display name, or <see langword="null"/> for <paramref name="username"/>.</param>
    /// <param name="email">The email address, or <see langword="null"/> for none.</param>
    /// <param name="password">The initial password, or <see langword="null"/> for none. It is sent only when
    /// <see cref="SimulatorOptions.SyncPasswords"/> is on.</param>
    /// <param name="primaryOrganizationalUnitId">The account's organizational unit, or <see langword="null"/> for the root.</param>
    /// <returns>The new <c>user_</c> id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The organizational unit does not exist.</exception>
    public SimulatorChange CreateUser(string username, string? displayName = null, string? email = null, string? password = null, string? primaryOrganizationalUnitId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);

        lock (_lock)
        {
            var unitId = GetUnit(primaryOrganizationalUnitId ?? RootOrganizationalUnitId).OrganizationalUnitId;
            var now = NowMilliseconds();
            var user = new UserRecord
            {
                UserId = SimulatorIds.CreateUserId(),
                Sequence = _sequence++,
                Username = username,
                DisplayName = displayName ?? username,
                Email = email,
                Password = password,
                PrimaryOrganizationalUnitId = unitId,
                CreateTime = now,
                UpdateTime = now,
            };
            _users.Add(user.UserId, user);
            return EmitUser(IdaasEventTypes.UserCreated, user, includePassword: true);
        }
    }

    /// <summary>Changes the basic information of an account and emits <see cref="IdaasEventTypes.UserInfoUpdated"/>.</summary>
    /// <param name="userId">The account id.</param>
    /// <param name="username">The new login name, or <see langword="null"/> to keep it.</param>
    /// <param name="displayName">The new display name, or <see langword="null"/> to keep it.</param>
    /// <param name="email">The new email address, or <see langword="null"/> to keep it.</param>
    /// <param name="description">The new description, or <see langword="null"/> to keep it.</param>
    /// <returns>The account id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The account does not exist.</exception>
    public SimulatorChange UpdateUser(string userId, string? username = null, string? displayName = null, string? email = null, string? description = null)
    {
        lock (_lock)
        {
            var user = GetUser(userId);
            user.Username = username ?? user.Username;
            user.DisplayName = displayName ?? user.DisplayName;
            user.Email = email ?? user.Email;
            user.Description = description ?? user.Description;
            return Touch(IdaasEventTypes.UserInfoUpdated, user);
        }
    }

    /// <summary>Sets a new password and emits <see cref="IdaasEventTypes.UserPasswordUpdated"/>.</summary>
    /// <param name="userId">The account id.</param>
    /// <param name="password">The new password. It is sent only when <see cref="SimulatorOptions.SyncPasswords"/> is on.</param>
    /// <returns>The account id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The account does not exist.</exception>
    public SimulatorChange ChangePassword(string userId, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);

        lock (_lock)
        {
            var user = GetUser(userId);
            user.Password = password;
            user.UpdateTime = NowMilliseconds();
            return EmitUser(IdaasEventTypes.UserPasswordUpdated, user, includePassword: true);
        }
    }

    /// <summary>Sets the status to <c>disabled</c> and emits <see cref="IdaasEventTypes.UserDisabled"/>.</summary>
    /// <exception cref="KeyNotFoundException">The account does not exist.</exception>
    public SimulatorChange DisableUser(string userId) => SetStatus(userId, "disabled", IdaasEventTypes.UserDisabled);

    /// <summary>Sets the status to <c>enabled</c> and emits <see cref="IdaasEventTypes.UserEnabled"/>.</summary>
    /// <exception cref="KeyNotFoundException">The account does not exist.</exception>
    public SimulatorChange EnableUser(string userId) => SetStatus(userId, "enabled", IdaasEventTypes.UserEnabled);

    /// <summary>Locks an account until a time and emits <see cref="IdaasEventTypes.UserLocked"/>.</summary>
    /// <param name="userId">The account id.</param>
    /// <param name="duration">How long the lock lasts, sent as <c>lockExpireTime</c>. Default 1 hour.</param>
    /// <returns>The account id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The account does not exist.</exception>
    public SimulatorChange LockUser(string userId, TimeSpan? duration = null)
    {
        lock (_lock)
        {
            var user = GetUser(userId);
            user.LockExpireTime = NowMilliseconds() + (long)(duration ?? TimeSpan.FromHours(1)).TotalMilliseconds;
            return Touch(IdaasEventTypes.UserLocked, user);
        }
    }

    /// <summary>Clears the lock, so <c>lockExpireTime</c> is -1, and emits <see cref="IdaasEventTypes.UserUnlocked"/>.</summary>
    /// <exception cref="KeyNotFoundException">The account does not exist.</exception>
    public SimulatorChange UnlockUser(string userId)
    {
        lock (_lock)
        {
            var user = GetUser(userId);
            user.LockExpireTime = -1;
            return Touch(IdaasEventTypes.UserUnlocked, user);
        }
    }

    /// <summary>
    /// Moves an account to another primary organizational unit and emits
    /// <see cref="IdaasEventTypes.UserPrimaryOrganizationalUnitUpdated"/>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The account or the organizational unit does not exist.</exception>
    public SimulatorChange MoveUser(string userId, string organizationalUnitId)
    {
        lock (_lock)
        {
            var user = GetUser(userId);
            user.PrimaryOrganizationalUnitId = GetUnit(organizationalUnitId).OrganizationalUnitId;
            return Touch(IdaasEventTypes.UserPrimaryOrganizationalUnitUpdated, user);
        }
    }

    /// <summary>
    /// Deletes an account, removes it from every group without group events, and emits
    /// <see cref="IdaasEventTypes.UserDeleted"/>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The account does not exist.</exception>
    public SimulatorChange DeleteUser(string userId)
    {
        lock (_lock)
        {
            var user = GetUser(userId);
            _users.Remove(userId);
            foreach (var group in _groups.Values)
            {
                if (group.MemberIds.Remove(userId))
                {
                    group.Version++;
                }
            }

            var writer = CreateWriter();
            return Emit(IdaasEventTypes.UserDeleted, userId, () => writer.WriteDeleted("userId", userId, () => writer.WriteUser(user, _units, includePassword: false)));
        }
    }

    private SimulatorChange SetStatus(string userId, string status, string eventType)
    {
        lock (_lock)
        {
            var user = GetUser(userId);
            user.Status = status;
            return Touch(eventType, user);
        }
    }

    private SimulatorChange Touch(string eventType, UserRecord user)
    {
        user.UpdateTime = NowMilliseconds();
        return EmitUser(eventType, user, includePassword: false);
    }

    private SimulatorChange EmitUser(string eventType, UserRecord user, bool includePassword)
    {
        user.Version++;
        var writer = CreateWriter();
        var sendPassword = includePassword && _options.SyncPasswords;
        return Emit(eventType, user.UserId, () => writer.WriteUser(user, _units, sendPassword));
    }
}
