using System.Text;
using Summarizer.Eval.Fuzz;
using Summarizer.Eval.HttpFuzz;

namespace Summarizer.Eval.Tests;

/// <summary>
/// The HTTP fuzz (issue 11) holds a server to its promises: these tests prove the judge catches each
/// broken one (so the CI step can fail), and run a short fuzz against the real embedded silo.
/// </summary>
public sealed class HttpFuzzTests
{
    private static readonly HttpFuzzCase Plain = new(0, "route", "GET /x", "GET", []);

    private static RawResult Answer(string response) =>
        RawHttp.TryParse(Encoding.UTF8.GetBytes(response), head: false, out var parsed, out var error)
            ? new RawResult(RawOutcome.Response, parsed, null)
            : throw new InvalidOperationException(error);

    private static string Problem(int status, string reason) =>
        $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n{{\"type\":\"https://summarizer.dev/problems/x\",\"status\":{status}}}";

    [Fact]
    public void A_problem_with_its_status_passes()
    {
        Assert.Empty(HttpFuzzRun.Judge(Plain, Answer(Problem(404, "Not Found"))));
    }

    [Fact]
    public void A_500_fails_even_as_a_problem()
    {
        Assert.Contains(HttpFuzzRun.Judge(Plain, Answer(Problem(500, "Internal Server Error"))), p => p.StartsWith("500", StringComparison.Ordinal));
    }

    [Fact]
    public void A_505_passes_only_for_an_unknown_http_version()
    {
        Assert.NotEmpty(HttpFuzzRun.Judge(Plain, Answer(Problem(505, "HTTP Version Not Supported"))));
        Assert.Empty(HttpFuzzRun.Judge(Plain with { UnknownVersion = true }, Answer(Problem(505, "HTTP Version Not Supported"))));
    }

    [Fact]
    public void An_error_without_a_problem_body_fails()
    {
        Assert.NotEmpty(HttpFuzzRun.Judge(Plain, Answer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")));
        Assert.NotEmpty(HttpFuzzRun.Judge(Plain, Answer("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 4\r\n\r\noops")));
        Assert.NotEmpty(HttpFuzzRun.Judge(Plain, Answer("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: 5\r\n\r\n{bad}")));
        Assert.NotEmpty(HttpFuzzRun.Judge(Plain, Answer(Problem(400, "Bad Request").Replace("\"status\":400", "\"status\":422", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_success_carrying_a_problem_fails()
    {
        Assert.NotEmpty(HttpFuzzRun.Judge(Plain, Answer("HTTP/1.1 200 OK\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\n\r\n{}")));
    }

    [Fact]
    public void A_hang_fails_and_a_silent_close_fails_unless_the_case_allows_it()
    {
        Assert.NotEmpty(HttpFuzzRun.Judge(Plain with { MayClose = true }, new RawResult(RawOutcome.Hang, null, "30 s")));
        Assert.NotEmpty(HttpFuzzRun.Judge(Plain, new RawResult(RawOutcome.NoResponse, null, "closed")));
        Assert.Empty(HttpFuzzRun.Judge(Plain with { MayClose = true }, new RawResult(RawOutcome.NoResponse, null, "closed")));
    }

    [Fact]
    public void Chunked_answers_and_interim_100_continue_are_parsed()
    {
        var result = Answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");

        Assert.Equal(201, result.Response!.Status);
        Assert.Equal("{\"a\":1}", result.Response.BodyText);
    }

    [Fact]
    public void A_stored_article_may_gain_a_missing_field_but_never_change_one()
    {
        const string Before = "{\"id\":\"x\",\"title\":\"T\",\"metadata\":null} | text 5 chars #AB | brief B";

        Assert.True(HttpFuzzRun.Unchanged(Before, "{\"id\":\"x\",\"title\":\"T\",\"metadata\":{\"method\":\"readability\"}} | text 5 chars #AB | brief B"));
        Assert.False(HttpFuzzRun.Unchanged(Before, "{\"id\":\"x\",\"title\":\"U\",\"metadata\":null} | text 5 chars #AB | brief B"));
        Assert.False(HttpFuzzRun.Unchanged(Before, "{\"id\":\"x\",\"title\":\"T\",\"metadata\":null} | text 5 chars #CD | brief B"));
        Assert.False(HttpFuzzRun.Unchanged(Before, "{\"id\":\"x\",\"title\":\"T\",\"metadata\":null} | text 5 chars #AB | brief C"));
    }

    [Fact]
    public void Cases_are_deterministic_per_seed_and_cover_every_kind()
    {
        var articles = EvalCorpus.LoadFile(Path.Combine(AppContext.BaseDirectory, "Corpus", "articles.jsonl"));
        var targets = new HttpFuzzTargets("127.0.0.1:1", ["bcbtepxklqw3e7jazf7jl6pna6g2netimeb42fqdikoprcvqjncq"], "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 2);
        var one = new HttpFuzzCases(7, targets, articles);
        var two = new HttpFuzzCases(7, targets, articles);

        var cases = Enumerable.Range(0, 240).Select(one.Build).ToList();

        Assert.All(cases, c => Assert.Equal(c.Bytes, two.Build(c.Index).Bytes));
        Assert.Equal(HttpFuzzCases.Kinds.Distinct().Order(), cases.Select(c => c.Kind).Distinct().Order());
        Assert.NotEqual(cases[0].Bytes, new HttpFuzzCases(8, targets, articles).Build(0).Bytes);
    }

    [Fact]
    public async Task A_short_fuzz_of_the_embedded_silo_finds_no_broken_promise()
    {
        await using var silo = await EmbeddedSilo.StartAsync();
        var articles = EvalCorpus.LoadFile(Path.Combine(AppContext.BaseDirectory, "Corpus", "articles.jsonl"));

        var report = await new HttpFuzzRun(silo.BaseAddress, TimeSpan.FromSeconds(60), concurrency: 4)
            .RunAsync(seed: 1, requests: 360, only: null, articles, step: null, CancellationToken.None);

        Assert.True(report.Failures.IsEmpty, string.Join("\n", report.Failures.Take(10)));
        Assert.Equal(360, report.Requests);
        Assert.True(report.Count(s => s is >= 400 and < 500) > 100, "hostile requests are refused");
        Assert.True(report.Count(s => s is >= 200 and < 300) > 50, "mutated articles are answered");
        Assert.Equal(5, report.StoredChecked);
        Assert.Equal(0, report.CanaryConnections);
    }
}
