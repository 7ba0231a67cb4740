using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Summarizer.Storage;

/// <summary>
/// Orleans grain storage in a local SQLite file (<see cref="GrainStateDatabase"/>): state is
/// serialised by Orleans' own serializer (the <c>[GenerateSerializer]</c>/<c>[Id]</c> contracts,
/// version-tolerant), the ETag is the row's version, and a stale ETag is an
/// <see cref="InconsistentStateException"/> as with every Orleans provider. Opened at silo start
/// (a path that cannot be written stops the silo, naming the key), closed at silo stop.
/// </summary>
public sealed partial class SqliteGrainStorage(
    string name,
    string serviceId,
    GrainStateDatabase database,
    IGrainStorageSerializer serializer,
    ILogger<SqliteGrainStorage> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{name}", ServiceLifecycleStage.ApplicationServices, OpenAsync, CloseAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var row = await database.ReadAsync(Key(stateName, grainId));
        if (row is { } found)
        {
            grainState.State = serializer.Deserialize<T>(found.Payload);
            grainState.ETag = Etag(found.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = serializer.Serialize(grainState.State).ToArray();
        var version = await database.WriteAsync(Key(stateName, grainId), Version(grainState.ETag, grainId), payload)
            ?? throw Conflict(nameof(WriteStateAsync), grainId, grainState.ETag);
        grainState.ETag = Etag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (!await database.DeleteAsync(Key(stateName, grainId), Version(grainState.ETag, grainId)))
        {
            throw Conflict(nameof(ClearStateAsync), grainId, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"{StorageOptions.Key(nameof(StorageOptions.Path))}: cannot open the grain state database {database.File}: {e.Message}", e);
        }

        LogOpened(logger, name, database.File, database.Synchronous);
    }

    private async Task CloseAsync(CancellationToken cancellationToken) => await database.DisposeAsync();

    private StateKey Key(string stateName, GrainId grainId) => new(serviceId, name, grainId.ToString(), stateName);

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private long? Version(string? etag, GrainId grainId)
    {
        if (etag is null)
        {
            return null;
        }

        return long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw Conflict("ETag", grainId, etag);
    }

    private InconsistentStateException Conflict(string operation, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): provider {name}, grain {grainId}, ETag {etag ?? "(none)"}: the stored state changed since it was read.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage {Name}: {File} (SQLite, WAL, synchronous={Synchronous})")]
    private static partial void LogOpened(ILogger logger, string name, string file, StorageSync synchronous);
}
