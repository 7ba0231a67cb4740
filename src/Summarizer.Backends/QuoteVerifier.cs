using Summarizer.Text;

namespace Summarizer.Backends;

/// <summary>
/// Keeps only the quotes a backend chose that really are in the article: the text (possibly
/// shortened) must occur verbatim inside the extracted quote it names by index, or inside another
/// extracted quote; otherwise it is dropped. So a model can shorten a quote but never add one.
/// </summary>
public static class QuoteVerifier
{
    public static (IReadOnlyList<Quote> Kept, int Dropped) Verify(QuoteSelectionRequest request, QuoteChoice choice)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(choice);
        var kept = new List<Quote>();
        var dropped = 0;
        foreach (var chosen in choice.Quotes)
        {
            var quote = Locate(request, chosen);
            if (quote is null || kept.Any(k => k.Start < quote.End && quote.Start < k.End))
            {
                dropped++;
                continue;
            }

            kept.Add(quote);
        }

        if (kept.Count > request.Max)
        {
            dropped += kept.Count - request.Max;
            kept.RemoveRange(request.Max, kept.Count - request.Max);
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (kept, dropped);
    }

    private static Quote? Locate(QuoteSelectionRequest request, ChosenQuote chosen)
    {
        var text = chosen.Text.Trim().Trim('"', '\u201C', '\u201D', '\'').Trim();
        if (chosen.Index >= 0 && chosen.Index < request.Candidates.Count)
        {
            var named = request.Candidates[chosen.Index];
            if (text.Length == 0)
            {
                return named;
            }

            var found = Within(request.Text, named, text);
            if (found is not null)
            {
                return found;
            }
        }

        if (text.Length == 0)
        {
            return null;
        }

        // A wrong index but a real quote: accept it where it is.
        return request.Candidates.Select(c => Within(request.Text, c, text)).FirstOrDefault(q => q is not null);
    }

    private static Quote? Within(string article, Quote candidate, string text)
    {
        if (candidate.End > article.Length || candidate.Start < 0)
        {
            return null;
        }

        var at = article.IndexOf(text, candidate.Start, candidate.End - candidate.Start, StringComparison.Ordinal);
        return at < 0 ? null : candidate with { Text = text, Start = at, End = at + text.Length, IsFullStatement = candidate.IsFullStatement && text.Length == candidate.Text.Length };
    }
}
