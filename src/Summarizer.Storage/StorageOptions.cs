namespace Summarizer.Storage;

/// <summary>When SQLite waits for the disk (<c>PRAGMA synchronous</c> in WAL mode).</summary>
public enum StorageSync
{
    /// <summary>
    /// Every commit is on disk before the write is acknowledged (an fsync of the WAL per write):
    /// survives a killed process, an OS crash and a power cut.
    /// </summary>
    Full = 0,

    /// <summary>
    /// Commits reach the OS, the disk at each checkpoint: survives a killed process (<c>kill -9</c>),
    /// may lose the last writes on an OS crash or power cut; no fsync per write.
    /// </summary>
    Normal = 1,
}

/// <summary>Configuration section <c>Summarizer:Storage</c>: where the embedded silo keeps grain state.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Summarizer:Storage";

    /// <summary>File of the database inside <see cref="Path"/>.</summary>
    public const string FileName = "summarizer.db";

    /// <summary>Data directory, created on demand; relative paths are relative to the working directory (default <c>./data</c>).</summary>
    public string Path { get; set; } = "./data";

    /// <summary>Durability of an acknowledged write (default <see cref="StorageSync.Full"/>).</summary>
    public StorageSync Synchronous { get; set; } = StorageSync.Full;

    public static string Key(string property) => $"{SectionName}:{property}";

    /// <summary>The database file's full path.</summary>
    public string DatabaseFile() => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, FileName));
}
