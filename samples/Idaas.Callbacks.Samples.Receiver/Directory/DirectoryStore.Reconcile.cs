namespace Idaas.Callbacks.Samples.Receiver.Directory;

// Writes of a reconcile. They change only the fields that SCIM carries and keep the others, such as the
// description, the primary organizational unit and the lock, as the last callback left them.
public sealed partial class DirectoryStore
{
    private const string ReconcileUserSql = """
        INSERT INTO users (id, last_event_time, deleted, username, display_name, email, status)
        VALUES ($id, $eventTime, 0, $username, $displayName, $email, $status)
        ON CONFLICT (id) DO UPDATE SET
            last_event_time = excluded.last_event_time, deleted = 0, username = excluded.username,
            display_name = excluded.display_name, email = excluded.email, status = excluded.status
        WHERE excluded.last_event_time > users.last_event_time
           OR (excluded.last_event_time = users.last_event_time AND users.deleted = 0);
        """;

    private const string ReconcileGroupSql = """
        INSERT INTO groups (id, last_event_time, deleted, name)
        VALUES ($id, $eventTime, 0, $name)
        ON CONFLICT (id) DO UPDATE SET last_event_time = excluded.last_event_time, deleted = 0, name = excluded.name
        WHERE excluded.last_event_time > groups.last_event_time
           OR (excluded.last_event_time = groups.last_event_time AND groups.deleted = 0);
        """;

    /// <summary>
    /// Sets an account's login name, display name, e-mail address and status, inserting the account when missing,
    /// under the same ordering rule as <see cref="UpsertUserAsync"/>. The other fields keep their stored values.
    /// </summary>
    /// <param name="user">The account with the values to set; only the four fields above are read.</param>
    /// <param name="eventTime">The reconcile's event time, the row's new ordering key.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the row changed; <see langword="false"/> when it has a later event.</returns>
    public Task<bool> ReconcileUserAsync(DirectoryUser user, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);

        return WriteAsync((connection, transaction) => Execute(connection, transaction, ReconcileUserSql,
            ("$id", user.UserId),
            ("$eventTime", ToMilliseconds(eventTime)),
            ("$username", user.Username),
            ("$displayName", user.DisplayName),
            ("$email", user.Email),
            ("$status", user.Status)) > 0, cancellationToken);
    }

    /// <summary>
    /// Sets a group's name, inserting the group when missing, under the same ordering rule as
    /// <see cref="UpsertGroupAsync"/>. The description and the memberships keep their stored values.
    /// </summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="name">The group name.</param>
    /// <param name="eventTime">The reconcile's event time, the row's new ordering key.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the row changed; <see langword="false"/> when it has a later event.</returns>
    public Task<bool> ReconcileGroupAsync(string groupId, string? name, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);

        return WriteAsync(
            (connection, transaction) => Execute(connection, transaction, ReconcileGroupSql, ("$id", groupId), ("$eventTime", ToMilliseconds(eventTime)), ("$name", name)) > 0,
            cancellationToken);
    }

    /// <summary>
    /// Sets whether an account is a member of a group, under the ordering rule of <see cref="SetGroupMemberAsync"/>,
    /// without writing the group row.
    /// </summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="userId">The member account id.</param>
    /// <param name="isMember"><see langword="true"/> to add the member, <see langword="false"/> to remove it.</param>
    /// <param name="eventTime">The reconcile's event time, the membership's new ordering key.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the membership row changed.</returns>
    public Task<bool> ReconcileMembershipAsync(string groupId, string userId, bool isMember, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);

        return WriteAsync((connection, transaction) => Execute(connection, transaction, SetMembershipSql,
            ("$groupId", groupId),
            ("$userId", userId),
            ("$eventTime", ToMilliseconds(eventTime)),
            ("$isMember", isMember ? 1 : 0)) > 0, cancellationToken);
    }

    /// <summary>Returns the latest event time stored in any row, tombstones and memberships included.</summary>
    /// <param name="cancellationToken">Ends the read.</param>
    /// <returns>The time, or <see langword="null"/> when the store is empty.</returns>
    public async Task<DateTimeOffset?> GetLatestEventTimeAsync(CancellationToken cancellationToken = default)
    {
        var times = await ReadAsync(
            """
            SELECT max(coalesce((SELECT max(last_event_time) FROM users), 0),
                       coalesce((SELECT max(last_event_time) FROM organizational_units), 0),
                       coalesce((SELECT max(last_event_time) FROM groups), 0),
                       coalesce((SELECT max(last_event_time) FROM group_members), 0));
            """,
            null,
            reader => reader.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return times[0] == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(times[0]);
    }
}
