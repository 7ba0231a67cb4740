namespace Summarizer.Contracts;

/// <summary>
/// The faithfulness receipt of a brief: every sentence traced to the article text that supports it,
/// with what the check found unsupported. <see cref="Supported"/> + <see cref="Flagged"/> = the
/// sentence count. <see cref="Version"/> is the checker's (a receipt kept by an older checker is
/// computed again). <see cref="Dropped"/> is null on a brief as computed; a strict brief
/// (<c>verify=strict</c>) lists there the flagged sentences it left out.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Receipt(
    [property: Id(0)] int Supported,
    [property: Id(1)] int Flagged,
    [property: Id(2)] IReadOnlyList<ReceiptSentence> Sentences,
    [property: Id(3)] int Version,
    [property: Id(4)] IReadOnlyList<ReceiptSentence>? Dropped = null);

/// <summary>
/// One brief sentence: its supporting spans (<see cref="Sources"/>, offsets into the normalised text),
/// the share of its content words found there (<see cref="Support"/>, 0–1; 1 for a verbatim
/// sentence) and the issues found; a sentence with no issue is supported.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReceiptSentence(
    [property: Id(0)] string Text,
    [property: Id(1)] double Support,
    [property: Id(2)] IReadOnlyList<ReceiptSource> Sources,
    [property: Id(3)] IReadOnlyList<ReceiptIssue> Issues)
{
    public bool Flagged => Issues.Count > 0;
}

/// <summary>A supporting span [Start, End) of the normalised text of the article (in a collection: of <see cref="ArticleId"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record ReceiptSource(
    [property: Id(0)] int Start,
    [property: Id(1)] int End,
    [property: Id(2)] string? ArticleId = null);

/// <summary>What is unsupported: <see cref="Kind"/> is number, date, entity, negation, quote, speaker or unsupported.</summary>
[GenerateSerializer, Immutable]
public sealed record ReceiptIssue(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Detail);

/// <summary>
/// <c>verify=strict</c>: a brief without its flagged sentences. The receipt keeps the supported
/// sentences in <see cref="Receipt.Sentences"/> and lists the left-out ones in <see cref="Receipt.Dropped"/>.
/// Derived per request from the brief as computed (which alone is cached), so a strict answer is never
/// served as the normal one.
/// </summary>
public static class StrictBriefs
{
    public static Brief WithoutFlagged(this Brief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return Strict(brief.Faithfulness, brief.Text, brief.Sentences, s => s) is { } strict
            ? brief with { Text = strict.Text, Sentences = strict.Sentences, Faithfulness = strict.Receipt }
            : brief;
    }

    public static CombinedBrief WithoutFlagged(this CombinedBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return Strict(brief.Faithfulness, brief.Text, brief.Sentences, s => s.Text) is { } strict
            ? brief with { Text = strict.Text, Sentences = strict.Sentences, Faithfulness = strict.Receipt }
            : brief;
    }

    /// <summary>
    /// The one rule for every kind of brief: the sentences whose receipt is not flagged, the text
    /// rebuilt from them (unchanged when all are kept) and the strict receipt; null when the brief has
    /// no receipt or one that does not match its sentences (then the brief is served as it is).
    /// </summary>
    private static (string Text, IReadOnlyList<TSentence> Sentences, Receipt Receipt)? Strict<TSentence>(
        Receipt? receipt, string text, IReadOnlyList<TSentence> sentences, Func<TSentence, string> textOf)
    {
        if (receipt is null || receipt.Sentences.Count != sentences.Count)
        {
            return null;
        }

        List<int> kept = [.. Enumerable.Range(0, receipt.Sentences.Count).Where(i => !receipt.Sentences[i].Flagged)];
        List<TSentence> keptSentences = [.. kept.Select(i => sentences[i])];
        var keptText = kept.Count == sentences.Count ? text : string.Join(' ', keptSentences.Select(s => textOf(s).Trim()));
        var strict = receipt with
        {
            Supported = kept.Count,
            Flagged = 0,
            Sentences = [.. kept.Select(i => receipt.Sentences[i])],
            Dropped = [.. receipt.Sentences.Where(s => s.Flagged)],
        };
        return (keptText, keptSentences, strict);
    }
}
