using Microsoft.Data.Sqlite;

namespace Idaas.Callbacks.Samples.Receiver.Directory;

// Reads. They take no write gate, because WAL mode lets readers see the last committed state during a write.
public sealed partial class DirectoryStore
{
    /// <summary>Lists the accounts, sorted ordinally by id.</summary>
    /// <param name="includeDeleted"><see langword="true"/> to include tombstones.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    /// <returns>The accounts.</returns>
    public Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
        => ReadAsync(
            """
            SELECT id, username, display_name, email, phone_number, description, status, password_set, primary_ou_id,
                   lock_expire_time, update_time, last_event_time, deleted
            FROM users WHERE deleted = 0 OR $includeDeleted = 1 ORDER BY id;
            """,
            includeDeleted,
            reader => new DirectoryUser
            {
                UserId = reader.GetString(0),
                Username = GetString(reader, 1),
                DisplayName = GetString(reader, 2),
                Email = GetString(reader, 3),
                PhoneNumber = GetString(reader, 4),
                Description = GetString(reader, 5),
                Status = GetString(reader, 6),
                PasswordSet = reader.IsDBNull(7) ? null : reader.GetBoolean(7),
                PrimaryOrganizationalUnitId = GetString(reader, 8),
                LockExpireTime = GetTime(reader, 9),
                UpdateTime = GetTime(reader, 10),
                LastEventTime = GetTime(reader, 11),
                Deleted = reader.GetBoolean(12),
            },
            cancellationToken);

    /// <summary>Lists the organizational units, sorted ordinally by id.</summary>
    /// <param name="includeDeleted"><see langword="true"/> to include tombstones.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    /// <returns>The units.</returns>
    public Task<IReadOnlyList<DirectoryOrganizationalUnit>> ListOrganizationalUnitsAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
        => ReadAsync(
            """
            SELECT id, name, parent_id, description, update_time, last_event_time, deleted
            FROM organizational_units WHERE deleted = 0 OR $includeDeleted = 1 ORDER BY id;
            """,
            includeDeleted,
            reader => new DirectoryOrganizationalUnit
            {
                OrganizationalUnitId = reader.GetString(0),
                Name = GetString(reader, 1),
                ParentId = GetString(reader, 2),
                Description = GetString(reader, 3),
                UpdateTime = GetTime(reader, 4),
                LastEventTime = GetTime(reader, 5),
                Deleted = reader.GetBoolean(6),
            },
            cancellationToken);

    /// <summary>Lists the groups with their current member ids, sorted ordinally by id.</summary>
    /// <param name="includeDeleted"><see langword="true"/> to include tombstones, which have no members.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    /// <returns>The groups.</returns>
    public async Task<IReadOnlyList<DirectoryGroup>> ListGroupsAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        var groups = await ReadAsync(
            """
            SELECT id, name, description, update_time, last_event_time, deleted
            FROM groups WHERE deleted = 0 OR $includeDeleted = 1 ORDER BY id;
            """,
            includeDeleted,
            reader => new DirectoryGroup
            {
                GroupId = reader.GetString(0),
                Name = GetString(reader, 1),
                Description = GetString(reader, 2),
                UpdateTime = GetTime(reader, 3),
                LastEventTime = GetTime(reader, 4),
                Deleted = reader.GetBoolean(5),
            },
            cancellationToken).ConfigureAwait(false);

        var memberships = await ReadAsync(
            "SELECT group_id, user_id FROM group_members WHERE is_member = 1;",
            null,
            reader => (GroupId: reader.GetString(0), UserId: reader.GetString(1)),
            cancellationToken).ConfigureAwait(false);
        var membersByGroup = memberships.ToLookup(membership => membership.GroupId, membership => membership.UserId, StringComparer.Ordinal);

        return [.. groups.Select(group => group.Deleted
            ? group
            : group with { MemberIds = [.. membersByGroup[group.GroupId].Order(StringComparer.Ordinal)] })];
    }

    /// <summary>Counts the accounts, units, groups and memberships that are not deleted.</summary>
    /// <param name="cancellationToken">Ends the read.</param>
    /// <returns>The counts.</returns>
    public async Task<DirectoryCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        var counts = await ReadAsync(
            """
            SELECT (SELECT count(*) FROM users WHERE deleted = 0),
                   (SELECT count(*) FROM organizational_units WHERE deleted = 0),
                   (SELECT count(*) FROM groups WHERE deleted = 0),
                   (SELECT count(*) FROM group_members m JOIN groups g ON g.id = m.group_id
                    WHERE m.is_member = 1 AND g.deleted = 0);
            """,
            null,
            reader => new DirectoryCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)),
            cancellationToken).ConfigureAwait(false);
        return counts[0];
    }

    /// <summary>Runs a query, with <c>$includeDeleted</c> bound to 1 or 0 unless <paramref name="includeDeleted"/> is null.</summary>
    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, bool? includeDeleted, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (includeDeleted is { } value)
        {
            command.Parameters.AddWithValue("$includeDeleted", value ? 1 : 0);
        }

        var rows = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string? GetString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? GetTime(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
