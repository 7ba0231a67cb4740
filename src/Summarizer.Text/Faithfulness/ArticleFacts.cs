namespace Summarizer.Text.Faithfulness;

/// <summary>
/// An article read once for checking briefs against it: every sentence's <see cref="SentenceFacts"/>,
/// the words it writes in lower case (so a capitalised sentence opener is known as a common word),
/// the people its name index found and its quotes with their speakers. Immutable after
/// <see cref="Build"/>; one per article serves every brief of it.
/// </summary>
public sealed class ArticleFacts
{
    private readonly HashSet<string> _lowerCase;

    private ArticleFacts(ArticleDocument document, IReadOnlyList<Quote> quotes)
    {
        Document = document;
        Quotes = quotes;
        _lowerCase = LowerCaseWords(document.Text);
        FoldedText = QuoteCheck.Fold(document.Text);
        var names = new NameIndex(document.Text);
        People = [.. names.People];
        var sentences = new SentenceFacts[document.Sentences.Count];
        for (var i = 0; i < sentences.Length; i++)
        {
            sentences[i] = SentenceFacts.Read(document.Text, document.Sentences[i], IsCommon);
        }

        Sentences = sentences;
    }

    public ArticleDocument Document { get; }

    /// <summary>The text with quote marks, apostrophes and spacing folded (<see cref="QuoteCheck.Fold"/>), for verbatim quote checks.</summary>
    internal string FoldedText { get; }

    public IReadOnlyList<Quote> Quotes { get; }

    internal IReadOnlyList<string> People { get; }

    internal IReadOnlyList<SentenceFacts> Sentences { get; }

    /// <summary>Reads the article; <paramref name="quotes"/> are its extracted quotes when the caller has them (else extracted here).</summary>
    public static ArticleFacts Build(ArticleDocument document, IReadOnlyList<Quote>? quotes = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ArticleFacts(document, quotes ?? QuoteExtractor.Extract(document));
    }

    /// <summary>The article writes this word (lower case) in lower case somewhere.</summary>
    internal bool IsCommon(string lower) => _lowerCase.Contains(lower);

    /// <summary>Reads a brief sentence (not from the article) with the article's sense of which words are common.</summary>
    internal SentenceFacts ReadOther(string sentence) => SentenceFacts.Read(sentence, new TextSpan(0, sentence.Length), IsCommon);

    private static HashSet<string> LowerCaseWords(string text)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var j = i;
            while (j < text.Length && char.IsLetter(text[j]))
            {
                j++;
            }

            if (char.IsLower(text[i]))
            {
                var word = text[i..j];
                result.Add(word);
                result.Add(Words.Key(word));
            }

            i = j;
        }

        return result;
    }
}
