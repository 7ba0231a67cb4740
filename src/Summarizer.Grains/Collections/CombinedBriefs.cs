using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Grains.Collections;

/// <summary>What the combined brief is built from for one article: its brief, and every sentence of its text.</summary>
public sealed record BriefSource(string ArticleId, string Label, IReadOnlyList<string> Brief, IReadOnlyList<string> TextSentences);

/// <summary>
/// The combined brief of a collection. Extractive: sentences of the articles' briefs, the fact most
/// articles tell first (lead sentences break ties), a sentence that retells one already chosen left
/// out, so a fact told by five outlets appears once. Each sentence lists every article that tells it
/// (a sentence of its text shares most of the sentence's content words). A model's combined brief
/// gets its sources the same way.
/// </summary>
public static class CombinedBriefs
{
    /// <summary>Share of the smaller sentence's content words two sentences must share to tell the same fact.</summary>
    public const double SameFact = 0.6;

    /// <summary>And at least this many content words in common.</summary>
    public const int MinSharedTerms = 3;

    public static IReadOnlyList<CombinedSentence> Extractive(IReadOnlyList<BriefSource> sources, int sentences)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var index = TermIndex(sources);
        var candidates = sources
            .SelectMany((s, order) => s.Brief.Select((text, position) => (text, order, position, s.ArticleId, terms: ContentTerms.Of(text))))
            .Where(c => c.terms.Count > 0)
            .Select(c => (c.text, c.order, c.position, c.terms, tellers: Tellers(c.terms, c.ArticleId, index)))
            .OrderByDescending(c => c.tellers.Count)
            .ThenBy(c => c.position)
            .ThenBy(c => c.order)
            .ToList();

        var chosen = new List<(string Text, HashSet<string> Terms, List<string> Tellers)>();
        foreach (var c in candidates)
        {
            if (chosen.Count >= sentences)
            {
                break;
            }

            if (chosen.Any(p => SameFactAs(p.Terms, c.terms)))
            {
                continue;
            }

            chosen.Add((c.text, c.terms, c.tellers));
        }

        return [.. chosen.Select(c => new CombinedSentence(c.Text, c.Tellers))];
    }

    /// <summary>The articles that tell each sentence of a brief written by a model.</summary>
    public static IReadOnlyList<CombinedSentence> Attribute(IReadOnlyList<BriefSource> sources, IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(sentences);
        var index = TermIndex(sources);
        return [.. sentences.Select(s => new CombinedSentence(s, Tellers(ContentTerms.Of(s), origin: null, index)))];
    }

    /// <summary>The per-article briefs as a model reads them: one labelled block per article, in collection order.</summary>
    public static string PromptText(IReadOnlyList<BriefSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return string.Join("\n\n", sources.Select((s, i) => $"[Source {i + 1}: {s.Label}]\n{string.Join(' ', s.Brief)}"));
    }

    private static List<(string ArticleId, List<HashSet<string>> Sentences)> TermIndex(IReadOnlyList<BriefSource> sources) =>
        [.. sources.Select(s => (s.ArticleId, s.TextSentences.Concat(s.Brief).Select(ContentTerms.Of).Where(t => t.Count > 0).ToList()))];

    private static List<string> Tellers(HashSet<string> terms, string? origin, List<(string ArticleId, List<HashSet<string>> Sentences)> index)
    {
        var tellers = new List<string>();
        if (origin is not null)
        {
            tellers.Add(origin);
        }

        foreach (var (articleId, sentences) in index)
        {
            if (articleId != origin && !tellers.Contains(articleId) && sentences.Any(s => SameFactAs(s, terms)))
            {
                tellers.Add(articleId);
            }
        }

        return tellers;
    }

    private static bool SameFactAs(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return shared >= Math.Min(MinSharedTerms, Math.Min(a.Count, b.Count)) && ContentTerms.Overlap(a, b) >= SameFact;
    }
}
