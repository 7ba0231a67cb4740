using System.Globalization;
using System.Text;
using Summarizer.Text;

namespace Summarizer.Testing;

/// <summary>Synthetic long articles: distinct sentences in paragraphs, grown until they split into the wanted number of chunks.</summary>
public static class LongArticleText
{
    private static readonly string[] Subjects = ["The council", "A spokesperson", "The ministry", "Local residents", "The committee", "Researchers", "The company", "Officials"];
    private static readonly string[] Verbs = ["announced", "reported", "disputed", "reviewed", "welcomed", "questioned", "published", "postponed"];
    private static readonly string[] Objects = ["the budget", "a new survey", "the transport plan", "the findings", "the proposal", "an audit", "the schedule", "the agreement"];

    /// <summary>A normalised article of exactly <paramref name="chunks"/> chunks for the budget; <paramref name="seed"/> makes it unique.</summary>
    public static string WithChunks(TokenChunker chunker, int chunks, int budgetTokens, int overlapTokens, string seed)
    {
        ArgumentNullException.ThrowIfNull(chunker);
        var text = new StringBuilder();
        var paragraph = 0;
        while (true)
        {
            text.Append(Paragraph(seed, paragraph++)).Append("\n\n");
            var document = ArticleDocument.Parse(text.ToString());
            var n = chunker.Chunk(document, budgetTokens, overlapTokens).Count;
            if (n == chunks)
            {
                // Grow no further: the next paragraph might still fit the last chunk, but stopping here is exact.
                return document.Text;
            }

            if (n > chunks)
            {
                throw new InvalidOperationException($"Could not hit exactly {chunks} chunks (got {n}).");
            }
        }
    }

    /// <summary>A normalised article of about <paramref name="bytes"/> UTF-8 bytes.</summary>
    public static string OfSize(int bytes, string seed)
    {
        var text = new StringBuilder();
        var paragraph = 0;
        while (text.Length < bytes)
        {
            text.Append(Paragraph(seed, paragraph++)).Append("\n\n");
        }

        return ArticleDocument.Parse(text.ToString()).Text;
    }

    private static string Paragraph(string seed, int p)
    {
        var sb = new StringBuilder();
        for (var s = 0; s < 6; s++)
        {
            var i = (p * 6) + s;
            sb.Append(CultureInfo.InvariantCulture, $"{Subjects[i % Subjects.Length]} in district {seed}-{p} {Verbs[(i / 3) % Verbs.Length]} {Objects[(i / 7) % Objects.Length]} on item {i}, citing figure {(i * 37) % 1000}. ");
        }

        return sb.ToString().TrimEnd();
    }
}
