using System.Globalization;

namespace Summarizer.Text.Faithfulness;

/// <summary>
/// Checks a brief against its article, sentence by sentence, offline. A sentence found verbatim in
/// the article (every extractive brief sentence) is supported by that span, exactly and cheaply.
/// Any other sentence is aligned to its supporting article sentences (<see cref="Alignment"/>); then
/// each number, date and name it states must be in those sentences (names also in the sentence
/// before each, where a pronoun's antecedent is), no negation may be flipped
/// (<see cref="NegationCheck"/>), its quotes must be verbatim with the article's speakers
/// (<see cref="QuoteCheck"/>), and at least half its content words must be in the sources.
/// </summary>
public static class FaithfulnessChecker
{
    /// <summary>Below this share of content words found in the sources, a sentence is unsupported as a whole.</summary>
    public const double MinSupport = 0.5;

    /// <summary>
    /// What a receipt was computed by: a receipt kept with an older version is computed again, so a
    /// better checker never serves the old one's findings. Raise it when a check changes its answers.
    /// </summary>
    public const int Version = 2;

    /// <summary>
    /// The receipt of a brief of <paramref name="document"/>. The article is read for facts
    /// (<see cref="ArticleFacts.Build"/>) only when a sentence is not verbatim in it, so an extractive
    /// brief costs one substring search per sentence. <paramref name="quotes"/> are the article's
    /// extracted quotes when the caller has them.
    /// </summary>
    public static FaithfulnessReceipt Check(ArticleDocument document, IReadOnlyList<string> brief, IReadOnlyList<Quote>? quotes = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(brief);
        ArticleFacts? facts = null;
        return FaithfulnessReceipt.Of([.. brief.Select(s => Verbatim(document.Text, s) ?? CheckSentence(facts ??= ArticleFacts.Build(document, quotes), s))]);
    }

    public static FaithfulnessReceipt Check(ArticleFacts article, IReadOnlyList<string> brief)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(brief);
        return FaithfulnessReceipt.Of([.. brief.Select(s => CheckSentence(article, s))]);
    }

    public static SentenceReceipt CheckSentence(ArticleFacts article, string sentence)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(sentence);
        if (Verbatim(article.Document.Text, sentence) is { } verbatim)
        {
            return verbatim;
        }

        var trimmed = sentence.Trim();
        var brief = article.ReadOther(trimmed);
        var (indices, support) = Alignment.Align(article, brief);
        var sources = indices.Select(i => article.Sentences[i]).ToList();
        var issues = new List<FaithfulnessIssue>();
        if (support < MinSupport)
        {
            issues.Add(new FaithfulnessIssue(IssueKinds.Unsupported,
                $"only {support.ToString("P0", CultureInfo.InvariantCulture)} of its content words are in the article's closest sentences"));
        }

        CheckFacts(article, brief, indices, sources, issues);
        NegationCheck.Check(brief, sources, issues);
        QuoteCheck.Check(article, trimmed, issues);
        return new SentenceReceipt(sentence, Math.Round(support, 3), [.. sources.Select(s => s.Span)], issues);
    }

    /// <summary>The receipt of an empty sentence or one the article contains verbatim (supported by that span); else null.</summary>
    public static SentenceReceipt? Verbatim(string text, string sentence)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentence);
        var trimmed = sentence.Trim();
        if (trimmed.Length == 0)
        {
            return new SentenceReceipt(sentence, 1.0, [], []);
        }

        var at = text.IndexOf(trimmed, StringComparison.Ordinal);
        return at < 0 ? null : new SentenceReceipt(sentence, 1.0, [new TextSpan(at, at + trimmed.Length)], []);
    }

    private static void CheckFacts(ArticleFacts article, SentenceFacts brief, List<int> indices, List<SentenceFacts> sources, List<FaithfulnessIssue> issues)
    {
        HashSet<string>? nameContext = null;
        foreach (var fact in brief.Facts)
        {
            switch (fact.Kind)
            {
                case FactKind.Number:
                    if (!sources.Any(s => s.Facts.Any(f => f.Kind == FactKind.Number && fact.SameNumber(f))))
                    {
                        issues.Add(new FaithfulnessIssue(IssueKinds.Number, $"'{fact.Surface}' is not in the supporting sentences"));
                    }

                    break;
                case FactKind.Date:
                    if (!sources.Any(s => s.Facts.Any(f => f.Kind == FactKind.Date && f.Key == fact.Key)))
                    {
                        issues.Add(new FaithfulnessIssue(IssueKinds.Date, $"'{fact.Surface}' is not in the supporting sentences"));
                    }

                    break;
                case FactKind.Entity:
                    nameContext ??= NameContext(article, indices);
                    if (!NameSupported(article, fact, nameContext))
                    {
                        issues.Add(new FaithfulnessIssue(IssueKinds.Entity, article.Document.Text.Contains(fact.Surface, StringComparison.Ordinal)
                            ? $"'{fact.Surface}' is not in the supporting sentences"
                            : $"'{fact.Surface}' is not in the article"));
                    }

                    break;
            }
        }
    }

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "he", "she", "his", "her", "him", "they", "their", "them" };

    /// <summary>
    /// Every word of the sources, and of the sentence before a source that refers back with a pronoun
    /// ("he" there names someone the sentence before introduced).
    /// </summary>
    private static HashSet<string> NameContext(ArticleFacts article, List<int> indices)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in indices)
        {
            var source = article.Sentences[i];
            keys.UnionWith(source.AllKeys);
            if (i > 0 && source.AllKeys.Overlaps(Pronouns))
            {
                keys.UnionWith(article.Sentences[i - 1].AllKeys);
            }
        }

        return keys;
    }

    /// <summary>
    /// Every word of the name is in the context; or the name is one of the article's people (its full
    /// name, or the start of it) and the context has the surname: "Gary Locke" where the source says "Locke".
    /// </summary>
    private static bool NameSupported(ArticleFacts article, Fact name, HashSet<string> context)
    {
        if (name.Parts.All(context.Contains))
        {
            return true;
        }

        foreach (var person in article.People)
        {
            var parts = Words.Read(person, 0, person.Length).Select(w => w.Key).ToList();
            if (parts.Count > 1 && context.Contains(parts[^1]) && name.Parts.All(parts.Contains))
            {
                return true;
            }
        }

        return false;
    }
}
