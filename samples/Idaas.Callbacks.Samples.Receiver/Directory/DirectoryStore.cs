using Microsoft.Data.Sqlite;

namespace Idaas.Callbacks.Samples.Receiver.Directory;

/// <summary>
/// The local directory in one SQLite file: accounts, organizational units, groups and group memberships, each
/// row keyed by its IDaaS id.
/// </summary>
/// <remarks>
/// <para>
/// Ordering rule: every row stores the <c>eventTime</c> of the last event applied to it (<c>last_event_time</c>,
/// in milliseconds since the Unix epoch). An event with a later time changes the row and an earlier one is
/// ignored, so a late or repeated delivery never moves an entity back to an older state. An event with the same
/// time applies too, so of two events in one millisecond the one handled last wins. The dispatcher handles such
/// events of one callback in array order. A delete wins such a tie against a create or update. The event time is used rather than the record's <c>updateTime</c> because every event has one,
/// including a 2022-format delete that carries only the id, and a full push resends records with a new event time.
/// NOTE: IDaaS does not say whether one entity can have two events in one millisecond. If such events arrive in
/// separate callbacks in the wrong order, the older state wins.
/// </para>
/// <para>
/// Deletes keep the row as a tombstone (<c>deleted = 1</c>) with the delete's event time, so a create or update
/// that is older than the delete leaves the entity deleted. Memberships are ordered per (group, account) pair,
/// not per group, so a newer event about one member never hides an older event about another.
/// </para>
/// <para>
/// Concurrency: each operation opens its own pooled connection. Writes run one at a time behind an in-process
/// gate, each in one transaction, and reads run in parallel with them because the database is in WAL mode. Only
/// parameterized SQL is used.
/// </para>
/// </remarks>
public sealed partial class DirectoryStore : IDisposable
{
    private static readonly string[] DatabaseFileSuffixes = ["", "-wal", "-shm"];

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Creates a store on the SQLite file <paramref name="databasePath"/>. Call <see cref="Initialize"/> before use.</summary>
    /// <param name="databasePath">The database file. Its folder is created when missing.</param>
    public DirectoryStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Creates the folder, the database file and the tables when missing, and switches the file to WAL mode.</summary>
    public void Initialize()
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes the database file and its WAL files, for a run that must start empty.</summary>
    /// <param name="databasePath">The database file.</param>
    public static void DeleteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        foreach (var suffix in DatabaseFileSuffixes)
        {
            var path = databasePath + suffix;
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Closes the pooled connections of this database.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS users (
            id TEXT NOT NULL PRIMARY KEY,
            last_event_time INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            username TEXT,
            display_name TEXT,
            email TEXT,
            phone_number TEXT,
            description TEXT,
            status TEXT,
            password_set INTEGER,
            primary_ou_id TEXT,
            lock_expire_time INTEGER,
            update_time INTEGER);
        CREATE TABLE IF NOT EXISTS organizational_units (
            id TEXT NOT NULL PRIMARY KEY,
            last_event_time INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            name TEXT,
            parent_id TEXT,
            description TEXT,
            update_time INTEGER);
        CREATE TABLE IF NOT EXISTS groups (
            id TEXT NOT NULL PRIMARY KEY,
            last_event_time INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            name TEXT,
            description TEXT,
            update_time INTEGER);
        CREATE TABLE IF NOT EXISTS group_members (
            group_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            last_event_time INTEGER NOT NULL,
            is_member INTEGER NOT NULL,
            PRIMARY KEY (group_id, user_id));
        CREATE INDEX IF NOT EXISTS group_members_by_user ON group_members (user_id);
        """;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // In WAL mode, NORMAL skips the fsync at each commit. A power loss may lose the last commits, but it
        // loses the acknowledged events still waiting in the in-memory inbox as well.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs <paramref name="write"/> in one immediate transaction, one writer at a time.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    private static long ToMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static long? ToMilliseconds(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();
}
