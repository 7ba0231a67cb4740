using System.Text;

namespace Summarizer.Text.Faithfulness;

/// <summary>
/// Quotes in a brief sentence: the words between quotation marks (double, or single curly ‘…’) must
/// be in the article verbatim (quote marks, apostrophes and spacing compared loosely), and a quote
/// the sentence attributes to someone must be one the article's quote extractor gives that speaker.
/// </summary>
internal static class QuoteCheck
{
    public static void Check(ArticleFacts article, string sentence, List<FaithfulnessIssue> issues)
    {
        var quoted = QuotedParts(sentence);
        if (quoted.Count == 0)
        {
            return;
        }

        foreach (var q in quoted)
        {
            if (!article.FoldedText.Contains(Fold(q), StringComparison.OrdinalIgnoreCase))
            {
                issues.Add(new FaithfulnessIssue(IssueKinds.Quote, $"“{q}” is not in the article verbatim"));
            }
        }

        CheckSpeakers(article, sentence, issues);
    }

    private static void CheckSpeakers(ArticleFacts article, string sentence, List<FaithfulnessIssue> issues)
    {
        IReadOnlyList<Quote> own;
        try
        {
            own = QuoteExtractor.Extract(ArticleDocument.Parse(sentence));
        }
        catch (ArgumentException)
        {
            return; // a sentence the text pipeline cannot read has no attribution to check
        }

        foreach (var q in own)
        {
            if (q.Speaker is not { Length: > 0 } said || !char.IsUpper(said[0]) || PhraseTokens.IsPronoun(said))
            {
                continue;
            }

            var words = Fold(Trim(q.Text));
            if (words.Length == 0)
            {
                continue;
            }

            var source = article.Quotes.FirstOrDefault(a => Fold(a.Text).Contains(words, StringComparison.OrdinalIgnoreCase));
            if (source?.Speaker is { Length: > 0 } speaker && char.IsUpper(speaker[0]) && !PhraseTokens.IsPronoun(speaker) && !SameSpeaker(said, speaker))
            {
                issues.Add(new FaithfulnessIssue(IssueKinds.Speaker, $"“{Trim(q.Text)}” is attributed to {said}; the article gives it to {speaker}"));
            }
        }
    }

    /// <summary>Two ways of naming one person share the surname: "Obama", "Barack Obama", "President Obama".</summary>
    internal static bool SameSpeaker(string a, string b)
    {
        var x = Parts(a);
        var y = Parts(b);
        return x.Count > 0 && y.Count > 0 && (y.Contains(x[^1]) || x.Contains(y[^1]));
    }

    private static List<string> Parts(string name) =>
        [.. Words.Read(name, 0, name.Length).Where(w => w.Capitalised).Select(w => w.Key)];

    /// <summary>The words inside each pair of quotation marks, trailing punctuation dropped.</summary>
    internal static List<string> QuotedParts(string s)
    {
        var result = new List<string>();
        var open = -1;
        var openMark = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var before = i == 0 ? ' ' : s[i - 1];
            var after = i + 1 < s.Length ? s[i + 1] : ' ';
            if (open < 0)
            {
                if (c is '“' || (c is '"' && !char.IsLetterOrDigit(before)) || (c is '‘' && !char.IsLetterOrDigit(before)))
                {
                    (open, openMark) = (i, c);
                }

                continue;
            }

            var closes = openMark switch
            {
                '“' => c is '”' or '"',
                '"' => c is '"' or '”',
                _ => c is '’' && !char.IsLetter(after),
            };
            if (closes)
            {
                var inner = Trim(s[(open + 1)..i]);
                if (inner.Any(char.IsLetterOrDigit))
                {
                    result.Add(inner);
                }

                open = -1;
            }
        }

        return result;
    }

    private static string Trim(string quote) => quote.Trim().TrimEnd(',', '.', ';', ':', '…').Trim().TrimStart('.', '…').Trim();

    /// <summary>
    /// Quote marks and apostrophes as straight ones, runs of space as one, no space before punctuation:
    /// how a model (or the brief's own tidying) may rewrite a quote's typography.
    /// </summary>
    internal static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0 && c is not (',' or '.' or ';' or ':' or '!' or '?'))
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c switch
            {
                '’' or '‘' or '`' or '´' => '\'',
                '“' or '”' => '"',
                '–' or '—' => '-',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
