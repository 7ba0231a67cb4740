namespace Summarizer.Testing;

/// <summary>A fresh directory under the system temp folder, deleted on dispose: test hosts keep their data here, never in the repository.</summary>
public sealed class TempDirectory : IAsyncDisposable
{
    public TempDirectory(string prefix = "summarizer-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // already gone
        }

        return ValueTask.CompletedTask;
    }
}
