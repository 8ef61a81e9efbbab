namespace Idaas.Callbacks.Samples.Receiver.Directory;

// Group and membership writes.
public sealed partial class DirectoryStore
{
    private const string UpsertGroupSql = """
        INSERT INTO groups (id, last_event_time, deleted, name, description, update_time)
        VALUES ($id, $eventTime, 0, $name, $description, $updateTime)
        ON CONFLICT (id) DO UPDATE SET
            last_event_time = excluded.last_event_time, deleted = 0, name = excluded.name,
            description = excluded.description, update_time = excluded.update_time
        WHERE excluded.last_event_time > groups.last_event_time
           OR (excluded.last_event_time = groups.last_event_time AND groups.deleted = 0);
        """;

    private const string DeleteGroupSql = """
        INSERT INTO groups (id, last_event_time, deleted) VALUES ($id, $eventTime, 1)
        ON CONFLICT (id) DO UPDATE SET last_event_time = excluded.last_event_time, deleted = 1
        WHERE excluded.last_event_time >= groups.last_event_time;
        """;

    private const string EndGroupMembershipsSql = """
        UPDATE group_members SET is_member = 0, last_event_time = $eventTime
        WHERE group_id = $groupId AND last_event_time <= $eventTime;
        """;

    // A membership change older than the group's or the account's delete is ignored, because the delete ended
    // every membership at its own time, including ones whose events had not arrived yet. The WHERE clause of the
    // SELECT also resolves SQLite's parsing ambiguity between a join and the upsert's ON CONFLICT.
    private const string SetMembershipSql = """
        INSERT INTO group_members (group_id, user_id, last_event_time, is_member)
        SELECT $groupId, $userId, $eventTime, $isMember
        WHERE NOT EXISTS (SELECT 1 FROM groups WHERE id = $groupId AND deleted = 1 AND last_event_time >= $eventTime)
          AND NOT EXISTS (SELECT 1 FROM users WHERE id = $userId AND deleted = 1 AND last_event_time >= $eventTime)
        ON CONFLICT (group_id, user_id) DO UPDATE SET
            last_event_time = excluded.last_event_time, is_member = excluded.is_member
        WHERE excluded.last_event_time >= group_members.last_event_time;
        """;

    /// <summary>
    /// Inserts or replaces a group's name and description, unless the row already has a later event, or is
    /// a tombstone with the same event time as <paramref name="eventTime"/>. <see cref="DirectoryGroup.MemberIds"/> is ignored.
    /// </summary>
    /// <param name="group">The group record.</param>
    /// <param name="eventTime">The event time, the row's new ordering key.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the row changed; <see langword="false"/> when the event was stale.</returns>
    public Task<bool> UpsertGroupAsync(DirectoryGroup group, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);

        return WriteAsync((connection, transaction) => UpsertGroup(connection, transaction, group, eventTime), cancellationToken);
    }

    /// <summary>
    /// Marks a group deleted, unless the row already has a later event, and ends its memberships that are older
    /// than the delete.
    /// </summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="eventTime">The time of the delete event.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the group row changed.</returns>
    public Task<bool> DeleteGroupAsync(string groupId, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);

        return WriteAsync((connection, transaction) =>
        {
            var time = ToMilliseconds(eventTime);
            var changed = Execute(connection, transaction, DeleteGroupSql, ("$id", groupId), ("$eventTime", time)) > 0;
            Execute(connection, transaction, EndGroupMembershipsSql, ("$groupId", groupId), ("$eventTime", time));
            return changed;
        }, cancellationToken);
    }

    /// <summary>
    /// Applies a member-added or member-removed event: upserts the group record it carries and sets the
    /// membership of <paramref name="userId"/>, each under its own ordering key.
    /// </summary>
    /// <param name="group">The group record of the event.</param>
    /// <param name="userId">The member account id.</param>
    /// <param name="isMember"><see langword="true"/> for an added member, <see langword="false"/> for a removed one.</param>
    /// <param name="eventTime">The event time.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the membership row changed; <see langword="false"/> when it was stale.</returns>
    public Task<bool> SetGroupMemberAsync(DirectoryGroup group, string userId, bool isMember, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);

        return WriteAsync((connection, transaction) =>
        {
            UpsertGroup(connection, transaction, group, eventTime);
            return Execute(connection, transaction, SetMembershipSql,
                ("$groupId", group.GroupId),
                ("$userId", userId),
                ("$eventTime", ToMilliseconds(eventTime)),
                ("$isMember", isMember ? 1 : 0)) > 0;
        }, cancellationToken);
    }

    private static bool UpsertGroup(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, DirectoryGroup group, DateTimeOffset eventTime)
        => Execute(connection, transaction, UpsertGroupSql,
            ("$id", group.GroupId),
            ("$eventTime", ToMilliseconds(eventTime)),
            ("$name", group.Name),
            ("$description", group.Description),
            ("$updateTime", ToMilliseconds(group.UpdateTime))) > 0;
}
