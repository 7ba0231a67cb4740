using System.Text;

namespace Summarizer.Eval.Fuzz;

/// <summary>One mutated article: which source it came from, the seed that rebuilds it, and what was done.</summary>
public sealed record MutatedArticle(string SourceId, int Seed, string Text, IReadOnlyList<string> Mutations);

/// <summary>
/// Perturbs real news articles the way the web and copy-paste do (issue 11: about 1 in 160 of these
/// crashed the text pipeline): credit and byline lines inserted as paragraphs, stray quote marks,
/// colons, titles and honorifics, attribution cues, line and paragraph breaks in odd places, spans
/// deleted or duplicated, and hostile characters (non-characters, lone surrogates, controls,
/// combining marks). Deterministic: the same (articles, seed) gives the same mutant on every machine.
/// </summary>
public sealed class ArticleMutator
{
    private static readonly string[] Credits =
    [
        "Photo: Reuters", "Photo: AP", "Credit: Getty Images", "Image copyright AFP", "Image caption The scene on Monday",
        "Source: Reuters", "PUBLISHED: 12:01 EST, 3 May 2015 | UPDATED: 14:22 EST, 3 May 2015", "By JOHN SMITH",
        "By Jane Doe, Associated Press", "Read more:", "Follow @bbcnews on Twitter", "(CNN)", "Advertisement", "Scroll down for video",
        "Photo: Reuters/Jane Doe", "Getty", "Reporting by Jane Doe; Editing by John Smith",
    ];

    private static readonly string[] Marks = ["“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‹", "›", "``", "''"];

    private static readonly string[] Colons = [":", ": ", " : ", "::", ":\n", "PENCE:", "Q:", "A: "];

    private static readonly string[] Titles =
    [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Gov.", "Rep.", "President", "Secretary of State", "Prime Minister", "Commander",
        "title Breaking News", "date 2021-06-29", "Title: Breaking News", "BREAKING NEWS", "The Rt. Hon.", "Jr.", "R-Ky.", "(D-N.C.)",
    ];

    private static readonly string[] Cues = ["said", " said ", "says", "told reporters", "according to", "added:", ", he said.", "she said", "asked"];

    private static readonly string[] Breaks = ["\n", "\n\n", "\n\n\n", "\r\n", "\r", "\t", "\u2028", "\u2029", "\u0085", " \n "];

    private static readonly string[] Hostile =
    [
        "\uFFFE", "\uFFFF", "\uFDD0", "\uD800", "\uDC00", "\u0000", "\u001b[0m", "\u0007", "\u0301", "\u200b", "\u202e", "\uFEFF",
        "\u00ad", "😀", "e\u0301", "ﬁ", "İ", "\u3000", "\u00a0", "…",
    ];

    private readonly IReadOnlyList<(string Id, string Text)> _articles;

    public ArticleMutator(IReadOnlyList<(string Id, string Text)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            throw new ArgumentException("At least one article is needed to mutate.", nameof(articles));
        }

        _articles = articles;
    }

    /// <summary>The mutant for <paramref name="seed"/>: an article chosen by the seed (three times in four an excerpt of it), then 1 to 6 mutations.</summary>
    public MutatedArticle Mutate(int seed)
    {
#pragma warning disable CA5394 // a seeded, reproducible generator is the point; nothing here is secret
        var random = new Random(seed);
        var (id, original) = _articles[random.Next(_articles.Count)];
        var done = new List<string>();
        if (random.Next(4) != 0 && original.Length > 1500)
        {
            // Mostly an excerpt, cut anywhere (mid-word, mid-quote): the classes of crash are local, and short texts run fast.
            var length = random.Next(200, 1500);
            var from = random.Next(original.Length - length);
            original = original.Substring(from, length);
            done.Add($"excerpt {from}..{from + length}");
        }

        var text = new StringBuilder(original);
        var count = random.Next(1, 7);
        for (var i = 0; i < count; i++)
        {
            done.Add(Apply(text, random));
        }

        return new MutatedArticle(id, seed, text.ToString(), done);
    }

    private static string Apply(StringBuilder text, Random random)
    {
        var kind = random.Next(10);
        switch (kind)
        {
            case 0:
                return InsertParagraph(text, random, Pick(Credits, random), "credit line");
            case 1:
                return Insert(text, random, Pick(Marks, random), "stray quote mark", atWord: random.Next(2) == 0);
            case 2:
                return Insert(text, random, Pick(Colons, random), "colon", atWord: random.Next(2) == 0);
            case 3:
                return random.Next(2) == 0
                    ? InsertParagraph(text, random, Pick(Titles, random), "title paragraph")
                    : Insert(text, random, Pick(Titles, random) + " ", "title", atWord: true);
            case 4:
                return Insert(text, random, Pick(Cues, random), "cue", atWord: true);
            case 5:
                return Insert(text, random, Pick(Breaks, random), "break", atWord: random.Next(2) == 0);
            case 6:
                return Delete(text, random);
            case 7:
                return Duplicate(text, random);
            case 8:
                return Insert(text, random, Pick(Hostile, random), "hostile character", atWord: false);
            default:
                return QuoteASpan(text, random);
        }
    }

    private static string Pick(string[] options, Random random) => options[random.Next(options.Length)];

    /// <summary>A position in the text; at a word boundary (after a space or line break) when <paramref name="atWord"/>.</summary>
    private static int Position(StringBuilder text, Random random, bool atWord)
    {
        var at = random.Next(text.Length + 1);
        if (atWord)
        {
            while (at < text.Length && !char.IsWhiteSpace(text[at]))
            {
                at++;
            }
        }

        return at;
    }

    private static string Insert(StringBuilder text, Random random, string what, string name, bool atWord)
    {
        var at = Position(text, random, atWord);
        text.Insert(at, what);
        return $"{name} {Show(what)} at {at}";
    }

    private static string InsertParagraph(StringBuilder text, Random random, string line, string name)
    {
        var at = Position(text, random, atWord: true);
        text.Insert(at, "\n\n" + line + "\n\n");
        return $"{name} {Show(line)} at {at}";
    }

    private static string Delete(StringBuilder text, Random random)
    {
        var at = random.Next(text.Length + 1);
        var length = Math.Min(text.Length - at, random.Next(1, random.Next(2) == 0 ? 12 : 400));
        text.Remove(at, length);
        return $"delete {length} at {at}";
    }

    private static string Duplicate(StringBuilder text, Random random)
    {
        var from = random.Next(text.Length + 1);
        var length = Math.Min(text.Length - from, random.Next(1, 200));
        var to = random.Next(text.Length + 1);
        text.Insert(to, text.ToString(from, length));
        return $"duplicate {length} from {from} to {to}";
    }

    private static string QuoteASpan(StringBuilder text, Random random)
    {
        var start = Position(text, random, atWord: true);
        var end = Math.Min(text.Length, start + random.Next(1, 160));
        var (open, close) = random.Next(3) switch { 0 => ("“", "”"), 1 => ("\"", "\""), _ => ("‘", "’") };
        text.Insert(end, close).Insert(start, open);
        return $"quote {start}..{end}";
    }
#pragma warning restore CA5394

    private static string Show(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
