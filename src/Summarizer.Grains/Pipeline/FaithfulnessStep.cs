using Summarizer.Contracts;
using Summarizer.Text;
using Summarizer.Text.Faithfulness;

namespace Summarizer.Grains.Pipeline;

/// <summary>
/// The receipt step of the pipeline: every brief leaves <see cref="BriefPipeline"/> with its
/// faithfulness receipt (<see cref="FaithfulnessChecker"/>), which is kept with it wherever the brief
/// is kept. Deterministic per article text and brief, so it is computed once. An extractive brief is
/// verbatim: its receipt is one substring search per sentence.
/// </summary>
public static class FaithfulnessStep
{
    public static Brief Attach(ArticleDocument document, Brief brief)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(brief);
        return brief with { Faithfulness = ToContract(FaithfulnessChecker.Check(document, brief.Sentences), articleId: null) };
    }

    /// <summary>The brief carries a receipt of the current checker (a brief kept before the step, or by an older checker, does not).</summary>
    public static bool IsCurrent(Brief brief) => brief?.Faithfulness?.Version == FaithfulnessChecker.Version;

    /// <summary>
    /// The receipt of a collection's combined brief: each sentence checked against the articles it
    /// lists (all of them when it lists none), and the best-supported reading kept (fewest issues,
    /// then highest support); its sources name their article.
    /// </summary>
    public static Receipt Combined(IReadOnlyList<CombinedSentence> sentences, IReadOnlyDictionary<string, ArticleDocument> articles)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(articles);
        var facts = new Dictionary<string, ArticleFacts>(StringComparer.Ordinal);
        var checkedSentences = new List<ReceiptSentence>(sentences.Count);
        foreach (var sentence in sentences)
        {
            var candidates = sentence.ArticleIds.Where(articles.ContainsKey).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. articles.Keys];
            }

            ReceiptSentence? best = null;
            foreach (var id in candidates)
            {
                var document = articles[id];
                var one = FaithfulnessChecker.Verbatim(document.Text, sentence.Text);
                if (one is null)
                {
                    if (!facts.TryGetValue(id, out var read))
                    {
                        facts[id] = read = ArticleFacts.Build(document); // read once per article, for every sentence
                    }

                    one = FaithfulnessChecker.CheckSentence(read, sentence.Text);
                }

                var receipt = ToContract(one, id);
                if (best is null || receipt.Issues.Count < best.Issues.Count
                    || (receipt.Issues.Count == best.Issues.Count && receipt.Support > best.Support))
                {
                    best = receipt;
                }

                if (!best.Flagged && best.Support >= 1.0)
                {
                    break;
                }
            }

            checkedSentences.Add(best ?? new ReceiptSentence(sentence.Text, 0, [], [new ReceiptIssue(IssueKinds.Unsupported, "no article of the collection to check it against")]));
        }

        var flagged = checkedSentences.Count(s => s.Flagged);
        return new Receipt(checkedSentences.Count - flagged, flagged, checkedSentences, FaithfulnessChecker.Version);
    }

    public static Receipt ToContract(FaithfulnessReceipt receipt, string? articleId)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new Receipt(receipt.Supported, receipt.Flagged, [.. receipt.Sentences.Select(s => ToContract(s, articleId))], FaithfulnessChecker.Version);
    }

    private static ReceiptSentence ToContract(SentenceReceipt s, string? articleId) =>
        new(s.Text, s.Support, [.. s.Sources.Select(x => new ReceiptSource(x.Start, x.End, articleId))], [.. s.Issues.Select(i => new ReceiptIssue(i.Kind, i.Detail))]);
}
