using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Summarizer.Eval.HttpFuzz;

/// <summary>One broken promise: the case, and what the server did.</summary>
public sealed record HttpFuzzFailure(HttpFuzzCase Case, string Problem)
{
    public override string ToString() => $"case {Case.Index} [{Case.Kind}] {Case.Description}: {Problem}";
}

/// <summary>Figures of one run: answers by status, what broke, and the checks made after it.</summary>
public sealed class HttpFuzzReport
{
    public int Requests { get; set; }

    public int FollowUpReads { get; set; }

    public int Closed { get; set; }

    public ConcurrentDictionary<int, int> ByStatus { get; } = new();

    public ConcurrentDictionary<string, int> ByKind { get; } = new();

    public ConcurrentQueue<HttpFuzzFailure> Failures { get; } = new();

    public int StoredChecked { get; set; }

    public int StoredChanged { get; set; }

    public int CanaryConnections { get; set; }

    /// <summary>505 answers to a request line naming an unknown HTTP version (the one accepted 5xx).</summary>
    public int VersionNotSupported { get; set; }

    public int Count(Func<int, bool> status) => ByStatus.Where(kv => status(kv.Key)).Sum(kv => kv.Value);
}

/// <summary>
/// The HTTP fuzz against a running service (issue 11): stores a few real articles and a collection,
/// sends every case of <see cref="HttpFuzzCases"/> on its own connection, and holds the server to:
/// no 5xx, no hang (per-request timeout), every error <c>application/problem+json</c> with its status
/// in the body, no 2xx carrying a problem, quotes of a mutated article's digest at their offsets in the
/// stored text, the stored articles (metadata, text, brief) unchanged afterwards, and no connection
/// ever made to the canary listener every refused URL points at.
/// </summary>
public sealed class HttpFuzzRun(Uri baseUrl, TimeSpan timeout, int concurrency)
{
    private const int MaxErrorBodyBytes = 16 * 1024;

    public async Task<HttpFuzzReport> RunAsync(int seed, int requests, int? only, IReadOnlyList<(string Id, string Text)> corpus, Action<int>? step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var server = await EndpointAsync(cancellationToken);
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = timeout };
        using var canary = new TcpListener(IPAddress.Loopback, 0);
        canary.Start();
        var canaryConnections = 0;
        using var stopCanary = new CancellationTokenSource();
        var canaryTask = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await canary.AcceptTcpClientAsync(stopCanary.Token);
                    Interlocked.Increment(ref canaryConnections);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);

        var stored = await StoreAsync(http, corpus.Take(5), cancellationToken);
        var before = await SnapshotAsync(http, stored, cancellationToken);
        var collection = await http.PostAsJsonAsync("/v1/collections", new { articles = stored.Take(3).Select(id => new { id }) }, cancellationToken);
        collection.EnsureSuccessStatusCode();
        var collectionId = (await collection.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;

        var cases = new HttpFuzzCases(seed, new HttpFuzzTargets($"{server.Address}:{server.Port}", stored, collectionId, ((IPEndPoint)canary.LocalEndpoint).Port), corpus);
        var report = new HttpFuzzReport();
        var indexes = only is { } single ? [single] : Enumerable.Range(0, requests);
        var done = 0;
        var followUps = 0;
        var closed = 0;
        var versionNotSupported = 0;
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (index, ct) =>
        {
            var fuzzCase = cases.Build(index);
            var result = await RawHttp.SendAsync(server, fuzzCase.Bytes, fuzzCase.HalfClose, fuzzCase.Method == "HEAD", timeout, ct);
            report.ByKind.AddOrUpdate(fuzzCase.Kind, 1, (_, n) => n + 1);
            foreach (var problem in Judge(fuzzCase, result))
            {
                report.Failures.Enqueue(new HttpFuzzFailure(fuzzCase, problem));
            }

            if (result.Response is { Status: 505 } && fuzzCase.UnknownVersion)
            {
                Interlocked.Increment(ref versionNotSupported);
            }
            else if (result.Response is { } response)
            {
                report.ByStatus.AddOrUpdate(response.Status, 1, (_, n) => n + 1);
                if (fuzzCase.ArticleText is not null && response.Status is 200 or 201)
                {
                    Interlocked.Increment(ref followUps);
                    foreach (var problem in await CheckQuotesAsync(http, response, ct))
                    {
                        report.Failures.Enqueue(new HttpFuzzFailure(fuzzCase, problem));
                    }
                }
            }
            else if (result.Outcome == RawOutcome.NoResponse)
            {
                Interlocked.Increment(ref closed);
            }

            var count = Interlocked.Increment(ref done);
            step?.Invoke(count);
        });

        report.Requests = done;
        report.FollowUpReads = followUps;
        report.Closed = closed;
        report.VersionNotSupported = versionNotSupported;
        var after = await SnapshotAsync(http, stored, cancellationToken);
        report.StoredChecked = stored.Count;
        foreach (var id in stored)
        {
            if (!Unchanged(before[id], after[id]))
            {
                report.StoredChanged++;
                report.Failures.Enqueue(new HttpFuzzFailure(new HttpFuzzCase(-1, "stored", id, "GET", []), "stored article changed:\nbefore " + before[id] + "\nafter  " + after[id]));
            }
        }

        using (var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken))
        {
            if (health.StatusCode != HttpStatusCode.OK)
            {
                report.Failures.Enqueue(new HttpFuzzFailure(new HttpFuzzCase(-1, "health", "/healthz", "GET", []), $"not healthy after the fuzz: {(int)health.StatusCode}"));
            }
        }

        await stopCanary.CancelAsync();
        canary.Stop();
        await canaryTask;
        report.CanaryConnections = canaryConnections;
        if (canaryConnections > 0)
        {
            report.Failures.Enqueue(new HttpFuzzFailure(new HttpFuzzCase(-1, "canary", "refused URLs", "POST", []), $"{canaryConnections} connection(s) reached the canary a refused URL pointed at"));
        }

        return report;
    }

    /// <summary>What is wrong with <paramref name="result"/> as the answer to <paramref name="fuzzCase"/>; nothing when it is a correct answer.</summary>
    public static IEnumerable<string> Judge(HttpFuzzCase fuzzCase, RawResult result)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case RawOutcome.Hang:
                yield return "hang: " + result.Error;
                yield break;
            case RawOutcome.NoResponse when !fuzzCase.MayClose:
                yield return "no response: " + result.Error;
                yield break;
            case RawOutcome.Unparsable when !fuzzCase.MayClose:
                yield return "not an HTTP/1.x response: " + result.Error;
                yield break;
            case RawOutcome.NoResponse or RawOutcome.Unparsable:
                yield break;
        }

        var response = result.Response!;
        var contentType = response.ContentType ?? "";
        var isProblem = contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase);
        if (response.Status >= 500 && !(response.Status == 505 && fuzzCase.UnknownVersion))
        {
            yield return $"{response.Status}: {Excerpt(response.BodyText)}";
        }

        if (response.Status is >= 200 and < 300 && isProblem)
        {
            yield return $"{response.Status} carrying a problem: {Excerpt(response.BodyText)}";
        }

        if (response.Status < 400 || fuzzCase.Method == "HEAD")
        {
            yield break;
        }

        if (!isProblem)
        {
            yield return $"{response.Status} with Content-Type '{contentType}', not application/problem+json: {Excerpt(response.BodyText)}";
            yield break;
        }

        if (response.Body.Length > MaxErrorBodyBytes)
        {
            yield return $"{response.Status} problem of {response.Body.Length} bytes (user input echoed unbounded?)";
        }

        string? bodyProblem = null;
        try
        {
            using var problem = JsonDocument.Parse(response.Body);
            var root = problem.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                bodyProblem = "problem without a type: " + Excerpt(response.BodyText);
            }
            else if (root.TryGetProperty("status", out var status) && (!status.TryGetInt32(out var s) || s != response.Status))
            {
                bodyProblem = $"problem status {status} under HTTP {response.Status}";
            }
        }
        catch (JsonException e)
        {
            bodyProblem = $"problem body is not JSON ({e.Message}): {Excerpt(response.BodyText)}";
        }

        if (bodyProblem is not null)
        {
            yield return bodyProblem;
        }
    }

    /// <summary>A mutated article's digest: every verified key quote is the stored text at its offsets.</summary>
    private static async Task<List<string>> CheckQuotesAsync(HttpClient http, RawResponse response, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        JsonElement digest;
        try
        {
            digest = JsonDocument.Parse(response.Body).RootElement;
        }
        catch (JsonException e)
        {
            problems.Add($"{response.Status} body is not JSON: {e.Message}");
            return problems;
        }

        if (!digest.TryGetProperty("articleId", out var idElement) || !digest.TryGetProperty("keyQuotes", out var quotes))
        {
            return problems;
        }

        var id = idElement.GetString();
        using var text = await http.GetAsync(new Uri($"/v1/articles/{id}/text", UriKind.Relative), cancellationToken);
        if (text.StatusCode != HttpStatusCode.OK)
        {
            problems.Add($"digest of article {id}, but GET /text answered {(int)text.StatusCode}");
            return problems;
        }

        var stored = await text.Content.ReadAsStringAsync(cancellationToken);
        foreach (var quote in quotes.EnumerateArray())
        {
            var start = quote.GetProperty("start").GetInt32();
            var end = quote.GetProperty("end").GetInt32();
            var said = quote.GetProperty("text").GetString() ?? "";
            if (start < 0 || end < start || end > stored.Length)
            {
                problems.Add($"quote offsets {start}..{end} outside the text ({stored.Length} chars)");
            }
            else if (quote.GetProperty("verified").GetBoolean() && stored[start..end] != said)
            {
                problems.Add($"verified quote is not the text at {start}..{end}: {Excerpt(said)} vs {Excerpt(stored[start..end])}");
            }
        }

        return problems;
    }

    private static async Task<List<string>> StoreAsync(HttpClient http, IEnumerable<(string Id, string Text)> articles, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var (source, text) in articles)
        {
            using var stored = await http.PostAsJsonAsync("/v1/articles", new { text, title = "Stored " + source }, cancellationToken);
            stored.EnsureSuccessStatusCode();
            ids.Add((await stored.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!);
        }

        return ids;
    }

    /// <summary>What a reader sees of each stored article: metadata, text, and the default brief's sentences.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(HttpClient http, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            var metadata = await http.GetStringAsync(new Uri($"/v1/articles/{id}", UriKind.Relative), cancellationToken);
            var text = await http.GetStringAsync(new Uri($"/v1/articles/{id}/text", UriKind.Relative), cancellationToken);
            var brief = (await http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/articles/{id}/brief", UriKind.Relative), cancellationToken)).GetProperty("brief").GetString();
            snapshot[id] = string.Create(CultureInfo.InvariantCulture, $"{metadata}{SnapshotSeparator}{text.Length} chars #{StableHash(text)} | brief {brief}");
        }

        return snapshot;
    }

    /// <summary>
    /// The text and brief are the same, and so is every metadata field that was set: the same text
    /// stored again may fill a field the first store left empty (ArticleGrain keeps the first, fills the
    /// gaps), never change one.
    /// </summary>
    public static bool Unchanged(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (metadataBefore, restBefore) = Split(before);
        var (metadataAfter, restAfter) = Split(after);
        if (restBefore != restAfter)
        {
            return false;
        }

        using var was = JsonDocument.Parse(metadataBefore);
        using var now = JsonDocument.Parse(metadataAfter);
        foreach (var field in was.RootElement.EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (!now.RootElement.TryGetProperty(field.Name, out var value) || value.GetRawText() != field.Value.GetRawText())
            {
                return false;
            }
        }

        return true;

        static (string Metadata, string Remainder) Split(string snapshot)
        {
            var at = snapshot.IndexOf(SnapshotSeparator, StringComparison.Ordinal);
            return (snapshot[..at], snapshot[at..]);
        }
    }

    private const string SnapshotSeparator = " | text ";

    private async Task<IPEndPoint> EndpointAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(baseUrl.Host.Trim('[', ']'), out var address))
        {
            return new IPEndPoint(address, baseUrl.Port);
        }

        var addresses = await Dns.GetHostAddressesAsync(baseUrl.Host, cancellationToken);
        return new IPEndPoint(addresses[0], baseUrl.Port);
    }

    private static string StableHash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string Excerpt(string s)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= 300 ? s : s[..300] + $"…({s.Length} chars)";
    }
}
