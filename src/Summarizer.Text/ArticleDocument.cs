namespace Summarizer.Text;

/// <summary>
/// A normalised article: the text every offset refers to, its metadata, and its sentence and
/// paragraph boundaries. Built once per article; cheap enough to rebuild on grain activation.
/// </summary>
public sealed class ArticleDocument
{
    private ArticleDocument(string text, string? title, string? date, IReadOnlyList<TextSpan> paragraphs, IReadOnlyList<TextSpan> sentences)
    {
        Text = text;
        Title = title;
        Date = date;
        Paragraphs = paragraphs;
        Sentences = sentences;
    }

    public string Text { get; }

    public string? Title { get; }

    /// <summary>ISO date (yyyy-MM-dd) read from a leading metadata line, if any.</summary>
    public string? Date { get; }

    public IReadOnlyList<TextSpan> Paragraphs { get; }

    public IReadOnlyList<TextSpan> Sentences { get; }

    /// <summary>True when at least one sentence holds a letter or digit.</summary>
    public bool HasSentences => Sentences.Count > 0;

    /// <summary>
    /// Normalises raw text (metadata line, whitespace, line endings) and splits it; a given
    /// <paramref name="title"/> (normalised the same way) wins over a leading title line.
    /// </summary>
    public static ArticleDocument Parse(string raw, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var normalized = ArticleNormalizer.Normalize(raw);
        return FromNormalized(normalized.Text, ArticleNormalizer.NormalizeTitle(title) ?? normalized.Title, normalized.Date);
    }

    /// <summary>Builds the document from text that is already normalised (e.g. from grain state).</summary>
    public static ArticleDocument FromNormalized(string text, string? title, string? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = ArticleNormalizer.Paragraphs(text);
        var sentences = SentenceSplitter.Split(text, paragraphs);
        return new ArticleDocument(text, title, date, paragraphs, sentences);
    }
}
