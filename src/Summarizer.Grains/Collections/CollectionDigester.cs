using Summarizer.Contracts;
using Summarizer.Grains.Pipeline;
using Summarizer.Text;

namespace Summarizer.Grains.Collections;

/// <summary>
/// The digest of a collection, grain-free: every article's metadata, brief and key quotes in
/// parallel (each from its own article, so an article already briefed costs nothing), then the
/// combined brief (<see cref="CombinedBriefs"/>), the key quotes merged across articles
/// (<see cref="QuoteMerger"/>) and the timeline. The combined brief carries its receipt
/// (<see cref="FaithfulnessStep.Combined"/>: each sentence against the articles it names). An
/// article that fails (not found, not analysable, its backend down) is reported in its place; the
/// others still make the digest.
/// </summary>
public static class CollectionDigester
{
    public static async Task<CollectionDigest> RunAsync(
        CollectionDefinition definition, ICollectionArticles articles, Action<CollectionEvent> publish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(publish);
        var spec = definition.Spec;
        var stored = definition.Members.Where(m => m.ArticleId is not null).ToList();
        var done = 0;
        publish(CollectionEvent.Progress("articles", 0, stored.Count));
        var read = await Task.WhenAll(stored.Select(async member =>
        {
            var result = await ReadAsync(member, spec, articles, cancellationToken);
            publish(CollectionEvent.Progress("articles", Interlocked.Increment(ref done), stored.Count));
            return result;
        }));

        // Oldest first; undated after, by title then id, so the order never depends on how the client listed them.
        var ok = read.Where(r => r.Problem is null)
            .OrderBy(r => r.Info!.Date is null).ThenBy(r => r.Info!.Date, StringComparer.Ordinal)
            .ThenBy(r => r.Info!.Title, StringComparer.Ordinal).ThenBy(r => r.Member.ArticleId, StringComparer.Ordinal)
            .ToList();
        var entries = ok.Select(r => r.Entry())
            .Concat(read.Where(r => r.Problem is not null).Select(r => r.Entry()))
            .Concat(definition.Members.Where(m => m.ArticleId is null).Select(m => new CollectionArticle(m.Input, null, null, null, null, null, null, 0, m.Problem)))
            .ToList();

        publish(CollectionEvent.Progress("combine", 0, 1));
        var documents = ok.ToDictionary(r => r.Member.ArticleId!, r => ArticleDocument.FromNormalized(r.Text!, title: null, date: null), StringComparer.Ordinal);
        var brief = await CombineAsync(ok, documents, spec, articles, cancellationToken);
        if (brief is not null)
        {
            brief = brief with { Faithfulness = FaithfulnessStep.Combined(brief.Sentences, documents) };
        }

        var speakers = new SpeakerResolver(ok.SelectMany(r => r.Quotes!.Quotes.Where(q => q.Speaker is not null).Select(q => (r.Member.ArticleId!, q.Speaker!))));
        var quotes = QuoteMerger.Merge([.. ok.Select((r, i) => new ArticleQuotes(r.Member.ArticleId!, i, r.Quotes!.Quotes))], speakers, spec.MaxQuotes);
        var timeline = ok.Select(r => new TimelineEntry(r.Info!.Date, r.Member.ArticleId!, r.Info.Title, Site(r.Info))).ToList();
        publish(CollectionEvent.Progress("combine", 1, 1));
        return new CollectionDigest(definition.Id, spec, entries, brief, quotes, timeline, Cached: false);
    }

    private static async Task<Read> ReadAsync(CollectionMember member, CollectionSpec spec, ICollectionArticles articles, CancellationToken cancellationToken)
    {
        var id = member.ArticleId!;
        try
        {
            var info = await articles.InfoAsync(id, cancellationToken) ?? throw new ArticleNotFoundException(id);
            var textTask = articles.TextAsync(id, cancellationToken);
            var briefTask = articles.BriefAsync(id, new BriefOptions(spec.Length, spec.Backend), cancellationToken);
            var quotesTask = articles.QuotesAsync(id, spec.MaxQuotes, spec.Backend, cancellationToken);
            return new Read(member, info, await textTask ?? "", await briefTask, await quotesTask, null);
        }
        catch (Exception e) when (Problem(e) is { } problem)
        {
            return new Read(member, null, null, null, null, problem);
        }
    }

    private static async Task<CombinedBrief?> CombineAsync(
        List<Read> ok, Dictionary<string, ArticleDocument> documents, CollectionSpec spec, ICollectionArticles articles, CancellationToken cancellationToken)
    {
        if (ok.Count == 0)
        {
            return null;
        }

        var sources = ok.Select(r => new BriefSource(r.Member.ArticleId!, Label(r.Info!), r.Brief!.Sentences, Sentences(documents[r.Member.ArticleId!]))).ToList();
        var first = ok[0].Brief!;
        if (ok.Count == 1)
        {
            return new CombinedBrief(first.Text, [.. first.Sentences.Select(s => new CombinedSentence(s, [ok[0].Member.ArticleId!]))], first.Backend, first.Degraded, first.DegradedReason);
        }

        var model = await articles.CombineAsync(CombinedBriefs.PromptText(sources), spec.Length, spec.Backend, cancellationToken);
        if (model is null)
        {
            var sentences = CombinedBriefs.Extractive(sources, spec.Length.Sentences());
            return new CombinedBrief(string.Join(' ', sentences.Select(s => s.Text)), sentences, first.Backend, Degraded: false, DegradedReason: null);
        }

        return new CombinedBrief(model.Text, CombinedBriefs.Attribute(sources, model.Sentences), model.Backend, model.Degraded, model.DegradedReason);
    }

    private static IReadOnlyList<string> Sentences(ArticleDocument document) => [.. document.Sentences.Select(s => s.Slice(document.Text))];

    private static string Label(ArticleInfo info)
    {
        var who = Site(info) ?? info.Title ?? "article " + info.Id[..8];
        return info.Date is null ? who : $"{who}, {info.Date}";
    }

    private static string? Site(ArticleInfo info) =>
        info.Metadata?.SiteName ?? (Uri.TryCreate(info.SourceUrl, UriKind.Absolute, out var uri) ? uri.Host : null);

    /// <summary>The problem an article's failure puts in its place; null for failures of the cluster itself, which fail the digest.</summary>
    private static MemberProblem? Problem(Exception e) => e switch
    {
        ArticleNotFoundException => new MemberProblem(404, "not-found", "Not found.", "No article with this id is stored."),
        ArticleNotAnalysableException n => new MemberProblem(422, "unanalysable-article", "The article could not be analysed.", n.Message),
        BackendFailureException { Kind: BackendFailureKind.Timeout } b => new MemberProblem(504, "backend-timeout", "The model backend timed out.", b.Message),
        BackendFailureException { Kind: BackendFailureKind.Unavailable } b => new MemberProblem(503, "backend-unavailable", "The model backend is unavailable.", b.Message),
        BackendFailureException b => new MemberProblem(502, "backend-error", "The model backend failed.", b.Message),
        ArticleLimitExceededException l => new MemberProblem(413, "too-large", "The request is too large.", l.Message),
        _ => null,
    };

    private sealed record Read(CollectionMember Member, ArticleInfo? Info, string? Text, Brief? Brief, QuoteDigest? Quotes, MemberProblem? Problem)
    {
        public CollectionArticle Entry() => Info is null
            ? new CollectionArticle(Member.Input, Member.ArticleId, null, null, null, null, null, 0, Problem)
            : new CollectionArticle(Member.Input, Member.ArticleId, Info.Title, Info.SourceUrl, Site(Info), Info.Date, Brief, Quotes!.Quotes.Count, null,
                Quotes.Degraded ? Quotes.DegradedReason ?? "The key quotes were not chosen by the backend asked for." : null);
    }
}
