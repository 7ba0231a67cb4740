namespace Summarizer.Extraction;

/// <summary>
/// Picks the article text among the candidates. With a plausible JSON-LD <c>articleBody</c> the
/// page has said what its article is: the DOM candidate that agrees with it best wins, and the
/// declared body itself when neither agrees. Without one, the page's own markup (DOM rules) wins
/// unless Readability found much more text (the markup named the wrong container) or the rules
/// found nothing.
/// </summary>
internal static class CandidateChooser
{
    /// <summary>The DOM-rules text replaces Readability's when it is this many times longer.</summary>
    internal const double ReadabilityLonger = 1.5;

    /// <summary>Below this word-overlap F1 with the declared body, no DOM candidate is the article.</summary>
    private const double MinAgreement = 0.5;

    public static (List<string> Paragraphs, string Method) Choose(List<TextBlock>? dom, List<TextBlock>? readability, List<string>? jsonLd)
    {
        var d = dom?.Select(b => b.Text).ToList() ?? [];
        var r = readability?.Select(b => b.Text).ToList() ?? [];
        if (jsonLd is not null)
        {
            var reference = WordBag.Of(jsonLd);
            var fd = WordBag.F1(WordBag.Of(d), reference);
            var fr = WordBag.F1(WordBag.Of(r), reference);
            if (Math.Max(fd, fr) < MinAgreement)
            {
                return (jsonLd, "json-ld");
            }

            return fd >= fr ? (d, "dom-rules") : (r, "readability");
        }

        var ld = d.Sum(p => p.Length);
        var lr = r.Sum(p => p.Length);
        if (lr == 0 || ld > ReadabilityLonger * lr)
        {
            return ld == 0 ? ([], "none") : (d, "dom-rules");
        }

        // Two readings of different parts of the page (Readability's scores fell on another story, a
        // product box, a sidebar): the container the page itself names is the article, unless it is
        // far shorter than what Readability found (then the markup named a stub).
        if (ld >= MinDisjointChars && lr <= DisjointReadabilityLonger * ld && Disjoint(d, r))
        {
            return (d, "dom-rules");
        }

        return (r, "readability");
    }

    /// <summary>A container text shorter than this is a stub (a heading, a like button), not a rival reading.</summary>
    private const int MinDisjointChars = 250;

    /// <summary>When the candidates share no text, Readability's wins only when it is this many times longer.</summary>
    internal const double DisjointReadabilityLonger = 3.0;

    /// <summary>Below this share of either candidate's text found in the other, they read different parts of the page.</summary>
    private const double MaxSharedForDisjoint = 0.5;

    internal static bool Disjoint(List<string> a, List<string> b) =>
        SharedShare(a, b) < MaxSharedForDisjoint && SharedShare(b, a) < MaxSharedForDisjoint;

    /// <summary>The share of <paramref name="part"/>'s characters in paragraphs that occur in <paramref name="whole"/>.</summary>
    internal static double SharedShare(List<string> part, List<string> whole)
    {
        var total = 0;
        var shared = 0;
        var text = string.Join("\n", whole);
        foreach (var p in part)
        {
            total += p.Length;
            if (text.Contains(p, StringComparison.Ordinal))
            {
                shared += p.Length;
            }
        }

        return total == 0 ? 0 : (double)shared / total;
    }
}

/// <summary>Texts as bags of lower-cased words, to say how far two texts agree.</summary>
internal static class WordBag
{
    public static Dictionary<string, int> Of(IEnumerable<string> paragraphs)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            var start = -1;
            for (var i = 0; i <= p.Length; i++)
            {
                var letter = i < p.Length && char.IsLetterOrDigit(p[i]);
                if (letter && start < 0)
                {
                    start = i;
                }
                else if (!letter && start >= 0)
                {
                    var w = p[start..i].ToLowerInvariant();
                    bag[w] = bag.GetValueOrDefault(w) + 1;
                    start = -1;
                }
            }
        }

        return bag;
    }

    /// <summary>The F1 of <paramref name="candidate"/>'s words against <paramref name="reference"/>'s, with multiplicity.</summary>
    public static double F1(Dictionary<string, int> candidate, Dictionary<string, int> reference)
    {
        var c = candidate.Values.Sum();
        var r = reference.Values.Sum();
        if (c == 0 || r == 0)
        {
            return 0;
        }

        var overlap = candidate.Sum(kv => Math.Min(kv.Value, reference.GetValueOrDefault(kv.Key)));
        return 2.0 * overlap / (c + r);
    }
}
