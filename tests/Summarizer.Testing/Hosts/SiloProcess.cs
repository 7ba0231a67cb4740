using System.Diagnostics;
using System.Net;

namespace Summarizer.Testing;

/// <summary>
/// The built silo (<c>Summarizer.Silo.dll</c>, its own output folder with its appsettings.json) run
/// as a child process with <c>dotnet</c>, in embedded mode on free loopback ports with its data in a
/// given directory: for what only a real process shows, such as surviving <see cref="KillAsync"/>
/// (SIGKILL). Disposing kills it if it still runs.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private SiloProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts the silo on <paramref name="dataPath"/> and waits until <c>/readyz</c> answers 200 (at most 90 s).</summary>
    public static async Task<SiloProcess> StartAsync(string dataPath, params string[] args)
    {
        var dll = SiloDll();
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in EmbeddedSilo.Args(dataPath, url).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        var silo = new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException($"dotnet {dll} did not start."), new Uri(url));
        try
        {
            await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL (no shutdown code runs), then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>
    /// The silo's own build output (same configuration as this test build), so it runs with its
    /// appsettings.json and runtimeconfig; the copy beside the test assembly otherwise.
    /// </summary>
    private static string SiloDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (here.Name, here.Parent?.Name);
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Summarizer.sln")) && configuration is not null)
            {
                var own = Path.Combine(dir.FullName, "src", "Summarizer.Silo", "bin", configuration, tfm, "Summarizer.Silo.dll");
                if (File.Exists(own))
                {
                    return own;
                }
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "Summarizer.Silo.dll");
        return File.Exists(beside) ? beside : throw new FileNotFoundException("Summarizer.Silo.dll is not built.", beside);
    }

    private async Task WaitReadyAsync(TimeSpan limit)
    {
        try
        {
            await Eventually.TrueAsync(async () => !_process.HasExited
                ? await ReadyAsync()
                : throw new InvalidOperationException($"The silo process exited with {_process.ExitCode} before it was ready:\n{Output}"), limit);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} (the silo process's /readyz)\n{Output}", e);
        }
    }

    private async Task<bool> ReadyAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri("/readyz", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }
    }
}
