namespace Idaas.Callbacks.Samples.Receiver.Directory;

// Organizational-unit writes.
public sealed partial class DirectoryStore
{
    private const string UpsertUnitSql = """
        INSERT INTO organizational_units (id, last_event_time, deleted, name, parent_id, description, update_time)
        VALUES ($id, $eventTime, 0, $name, $parentId, $description, $updateTime)
        ON CONFLICT (id) DO UPDATE SET
            last_event_time = excluded.last_event_time, deleted = 0, name = excluded.name,
            parent_id = excluded.parent_id, description = excluded.description, update_time = excluded.update_time
        WHERE excluded.last_event_time > organizational_units.last_event_time
           OR (excluded.last_event_time = organizational_units.last_event_time AND organizational_units.deleted = 0);
        """;

    private const string DeleteUnitSql = """
        INSERT INTO organizational_units (id, last_event_time, deleted) VALUES ($id, $eventTime, 1)
        ON CONFLICT (id) DO UPDATE SET last_event_time = excluded.last_event_time, deleted = 1
        WHERE excluded.last_event_time >= organizational_units.last_event_time;
        """;

    /// <summary>
    /// Inserts or replaces an organizational unit, unless the row already has a later event, or is
    /// a tombstone with the same event time as <paramref name="eventTime"/>.
    /// </summary>
    /// <param name="unit">The unit record.</param>
    /// <param name="eventTime">The event time, the row's new ordering key.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the row changed; <see langword="false"/> when the event was stale.</returns>
    public Task<bool> UpsertOrganizationalUnitAsync(DirectoryOrganizationalUnit unit, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);

        return WriteAsync((connection, transaction) => Execute(connection, transaction, UpsertUnitSql,
            ("$id", unit.OrganizationalUnitId),
            ("$eventTime", ToMilliseconds(eventTime)),
            ("$name", unit.Name),
            ("$parentId", unit.ParentId),
            ("$description", unit.Description),
            ("$updateTime", ToMilliseconds(unit.UpdateTime))) > 0, cancellationToken);
    }

    /// <summary>Marks an organizational unit deleted, unless the row already has a later event.</summary>
    /// <param name="organizationalUnitId">The unit id.</param>
    /// <param name="eventTime">The time of the delete event.</param>
    /// <param name="cancellationToken">Ends the wait for the write gate.</param>
    /// <returns><see langword="true"/> when the row changed.</returns>
    public Task<bool> DeleteOrganizationalUnitAsync(string organizationalUnitId, DateTimeOffset eventTime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationalUnitId);

        return WriteAsync(
            (connection, transaction) => Execute(connection, transaction, DeleteUnitSql, ("$id", organizationalUnitId), ("$eventTime", ToMilliseconds(eventTime))) > 0,
            cancellationToken);
    }
}
