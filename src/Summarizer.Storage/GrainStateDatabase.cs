using Microsoft.Data.Sqlite;

namespace Summarizer.Storage;

/// <summary>
/// The SQLite file behind <see cref="SqliteGrainStorage"/>: one table of (service, provider, grain id, state name)
/// → (version, payload). WAL journal, so readers never wait for the writer; one kept writer
/// connection behind a lock, so writes queue here instead of failing with SQLITE_BUSY; reads on
/// pooled connections. A version is the row's write counter: a write names the version it read,
/// and a row that moved on since is a conflict.
/// </summary>
public sealed class GrainStateDatabase : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            service_id TEXT NOT NULL,
            provider   TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            state_name TEXT NOT NULL,
            version    INTEGER NOT NULL,
            payload    BLOB NOT NULL,
            written_at TEXT NOT NULL,
            PRIMARY KEY (service_id, provider, grain_id, state_name));
        """;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString;
    private SqliteConnection? _writer;

    public GrainStateDatabase(string file, StorageSync synchronous)
    {
        File = file;
        Synchronous = synchronous;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string File { get; }

    public StorageSync Synchronous { get; }

    /// <summary>Creates the directory and the table, switches the file to WAL, opens the writer.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        var writer = new SqliteConnection(_connectionString);
        try
        {
            await writer.OpenAsync(cancellationToken);
            var journal = await ScalarAsync(writer, "PRAGMA journal_mode=WAL;", cancellationToken);
            if (!string.Equals(journal as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {File} (journal_mode is '{journal}').");
            }

            // Per connection, so set on the one connection that writes.
            await ExecuteAsync(writer, $"PRAGMA synchronous={(Synchronous == StorageSync.Full ? "FULL" : "NORMAL")};", cancellationToken);
            await ExecuteAsync(writer, Schema, cancellationToken);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }

        _writer = writer;
    }

    /// <summary>The stored payload and its version, or null when there is no row.</summary>
    public async Task<(byte[] Payload, long Version)?> ReadAsync(StateKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT payload, version FROM grain_state WHERE service_id = $s AND provider = $p AND grain_id = $g AND state_name = $n;", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return ((byte[])reader.GetValue(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Writes the payload if the row is still at <paramref name="expected"/> (null: no row yet);
    /// returns the new version, or null on a conflict (nothing written).
    /// </summary>
    public Task<long?> WriteAsync(StateKey key, long? expected, byte[] payload, CancellationToken cancellationToken = default) =>
        UnderWriteLockAsync(async writer =>
        {
            var sql = expected is null
                ? "INSERT INTO grain_state (service_id, provider, grain_id, state_name, version, payload, written_at) VALUES ($s, $p, $g, $n, 1, $payload, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO NOTHING;"
                : "UPDATE grain_state SET version = version + 1, payload = $payload, written_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE service_id = $s AND provider = $p AND grain_id = $g AND state_name = $n AND version = $v;";
            await using var command = Command(writer, sql, key);
            command.Parameters.AddWithValue("$payload", payload);
            if (expected is not null)
            {
                command.Parameters.AddWithValue("$v", expected.Value);
            }

            var changed = await command.ExecuteNonQueryAsync(cancellationToken);
            return changed == 1 ? (expected ?? 0) + 1 : (long?)null;
        });

    /// <summary>Deletes the row if it is at <paramref name="expected"/> (null: there must be no row); false on a conflict.</summary>
    public Task<bool> DeleteAsync(StateKey key, long? expected, CancellationToken cancellationToken = default) =>
        UnderWriteLockAsync(async writer =>
        {
            if (expected is null)
            {
                await using var exists = Command(writer, "SELECT 1 FROM grain_state WHERE service_id = $s AND provider = $p AND grain_id = $g AND state_name = $n;", key);
                return await exists.ExecuteScalarAsync(cancellationToken) is null;
            }

            await using var command = Command(writer, "DELETE FROM grain_state WHERE service_id = $s AND provider = $p AND grain_id = $g AND state_name = $n AND version = $v;", key);
            command.Parameters.AddWithValue("$v", expected.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        });

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_writer is not null)
            {
                await _writer.DisposeAsync();
                _writer = null;
            }

            // Pooled readers hold the file open; the last close checkpoints the WAL into the database.
            using var pooled = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<T> UnderWriteLockAsync<T>(Func<SqliteConnection, Task<T>> write)
    {
        await _writeLock.WaitAsync();
        try
        {
            var writer = _writer ?? throw new InvalidOperationException($"The grain state database {File} is not open.");
            return await write(writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, StateKey key)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$s", key.ServiceId);
        command.Parameters.AddWithValue("$p", key.Provider);
        command.Parameters.AddWithValue("$g", key.GrainId);
        command.Parameters.AddWithValue("$n", key.StateName);
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

/// <summary>Row key: the cluster's service id, the storage provider's name, the grain id and the grain's name for the state.</summary>
public readonly record struct StateKey(string ServiceId, string Provider, string GrainId, string StateName);
