namespace Idaas.Callbacks.Samples.Receiver.Directory;

// Account writes.
public sealed partial class DirectoryStore
{
    private const string UpsertUserSql = """
        INSERT INTO users (id, last_event_time, deleted, username, display_name, email, phone_number, description,
                           status, password_set, primary_ou_id, lock_expire_time, update_time)
        VALUES ($id, $eventTime, 0, $username, $displayName, $email, $phoneNumber, $description,
                $status, $passwordSet, $primaryOuId, $lockExpireTime, $updateTime)
        ON CONFLICT (id) DO UPDATE SET
            last_event_time = excluded.last_event_time, deleted = 0, username = excluded.username,
            display_name = excluded.display_name, email = excluded.email, phone_number = excluded.phone_number,
            description = excluded.description, status = excluded.status, password_set = excluded.password_set,
            primary_ou_id = excluded.primary_ou_id, lock_expire_time = excluded.lock_expire_time,
            update_time = excluded.update_time
        WHERE excluded.last_event_time > users.last_event_time
           OR (excluded.last_event_time = users.last_event_time AND users.deleted = 0);
        """;

    // The tombstone keeps the values stored before the delete, if any, so ?includeDeleted=true can show who was
    // deleted. A delete that arrives first leaves only the id.
    private const string DeleteUserSql = """
        INSERT INTO users (id, last_event_time, deleted) VALUES ($id, $eventTime, 1)
        ON CONFLICT (id) DO UPDATE SET last_event_time = excluded.last_event_time, deleted = 1
        WHERE excluded.last_event_time >= users.last_event_time;
        """;

    // IDaaS removes a deleted account from every group without sending group events.
    private const string RemoveUserFromGroupsSql = """
        UPDATE group_members SET is_member = 0, last_event_time = $eventTime
        WHERE user_id = $id AND last_event_time <= $eventTime;
        """;

    /// <summary>
    /// Inserts or replaces an account with the complete record of an event, unless the row already has a
    /// later event, or is a tombstone with the same event time as <paramref name="eventTime"/>. An older event leaves a deleted account deleted.
    /// </summary>
    /// <param name="user">The account record; the store sets the event time and clears the tombstone flag.</param>
    /// <param name="eventTime">The event time, the row's new ordering key.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the row changed; <see langword="false"/> when the event was stale.</returns>
    public Task<bool> UpsertUserAsync(DirectoryUser user, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);

        return WriteAsync((connection, transaction) => Execute(connection, transaction, UpsertUserSql,
            ("$id", user.UserId),
            ("$eventTime", ToMilliseconds(eventTime)),
            ("$username", user.Username),
            ("$displayName", user.DisplayName),
            ("$email", user.Email),
            ("$phoneNumber", user.PhoneNumber),
            ("$description", user.Description),
            ("$status", user.Status),
            ("$passwordSet", user.PasswordSet),
            ("$primaryOuId", user.PrimaryOrganizationalUnitId),
            ("$lockExpireTime", ToMilliseconds(user.LockExpireTime)),
            ("$updateTime", ToMilliseconds(user.UpdateTime))) > 0, cancellationToken);
    }

    /// <summary>
    /// Marks an account deleted, unless the row already has a later event, and ends its group memberships that
    /// are older than the delete.
    /// </summary>
    /// <param name="userId">The account id.</param>
    /// <param name="eventTime">The time of the delete event.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the account row changed.</returns>
    public Task<bool> DeleteUserAsync(string userId, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);

        return WriteAsync((connection, transaction) =>
        {
            var time = ToMilliseconds(eventTime);
            var changed = Execute(connection, transaction, DeleteUserSql, ("$id", userId), ("$eventTime", time)) > 0;
            Execute(connection, transaction, RemoveUserFromGroupsSql, ("$id", userId), ("$eventTime", time));
            return changed;
        }, cancellationToken);
    }
}
