using System.Text.RegularExpressions;

namespace Summarizer.Eval.Quotes;

/// <summary>A resolved name: the given names it may carry (empty when the article gives none) and the surname.</summary>
public sealed record NameRef(IReadOnlySet<string> Given, string Last)
{
    /// <summary>Same surname, and the same given name unless one side has none (no other person with that surname then).</summary>
    public bool SameAs(NameRef other) =>
        other is not null && Last == other.Last && (Given.Count == 0 || other.Given.Count == 0 || Given.Overlaps(other.Given));

    public override string ToString() => (Given.Count > 0 ? string.Join('/', Given.Order(StringComparer.Ordinal)) + " " : string.Empty) + Last;
}

/// <summary>
/// The full names an article writes out, so a bare surname ("Cruz", "Mr. Clinton") can be resolved
/// to the person the article means, the same way for gold and predicted speakers. The scorer's own
/// reading of the raw article; it shares no code with the extractor's NameIndex.
/// </summary>
public sealed partial class ArticleNames
{
    private readonly List<Candidate> _candidates = [];
    private readonly List<SpeakerEntity> _annotated;

    /// <param name="article">The raw article text.</param>
    /// <param name="annotatedSpeakers">The article's gold source spans (PolNeAR); names written out in them are the article's sources.</param>
    public ArticleNames(string article, IEnumerable<string?> annotatedSpeakers)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(annotatedSpeakers);
        _annotated = annotatedSpeakers.Select(SpeakerEntity.Parse).Where(e => e?.Name is { Count: >= 2 }).Select(e => e!).ToList();
        var lineStart = 0;
        foreach (var line in article.Split('\n'))
        {
            if (!IsHeadline(line))
            {
                Scan(line, lineStart);
            }

            lineStart += line.Length + 1;
        }
    }

    /// <summary>
    /// A name as the article resolves it. Two or more name words are a full name already. A single
    /// word (a surname, "Times") is the full name written out in the article with that last word;
    /// when there are several people with it: those named in an annotated source span, then the one
    /// written out most often, then the one written out last before <paramref name="position"/>,
    /// then the first.
    /// </summary>
    public NameRef Resolve(SpeakerEntity entity, int position)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var name = entity.Name ?? throw new ArgumentException("not a name", nameof(entity));
        if (name.Count >= 2)
        {
            return new NameRef(new HashSet<string>(entity.GivenNames, StringComparer.Ordinal), name[^1]);
        }

        var last = name[0];
        var people = People(last);
        if (people.Count == 0)
        {
            return new NameRef(new HashSet<string>(StringComparer.Ordinal), last);
        }

        if (people.Count > 1)
        {
            var annotated = people.Where(p => _annotated.Any(a => a.Last == last && p.Given.Overlaps(a.GivenNames))).ToList();
            if (annotated.Count > 0)
            {
                people = annotated;
            }
        }

        var best = people
            .OrderByDescending(p => p.Count)
            .ThenByDescending(p => p.LastBefore(position))
            .ThenBy(p => p.First)
            .First();
        return new NameRef(best.Given, last);
    }

    /// <summary>The distinct people written out with this surname (given names merged through nicknames).</summary>
    internal List<Person> People(string last)
    {
        var people = new List<Person>();
        foreach (var c in _candidates.Where(c => c.Last == last))
        {
            var names = new HashSet<string>(c.Given, StringComparer.Ordinal);
            var offsets = new List<int> { c.Offset };
            var same = people.FirstOrDefault(p => p.Given.Overlaps(names));
            if (same is null)
            {
                people.Add(new Person(names, offsets));
            }
            else
            {
                same.Given.UnionWith(names);
                same.Offsets.AddRange(offsets);
            }
        }

        return people;
    }

    /// <summary>A sentence-opening word that is no given name: "Injecting Clinton", "Asked Trump", "Clearly Smith".</summary>
    private static bool OrdinaryWord(string word) =>
        StrictLexicon.Function.Contains(word) || (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)) || (word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal));

    private void Scan(string line, int lineStart)
    {
        var run = new List<Match>();
        Match? previous = null;
        foreach (Match m in Token().Matches(line))
        {
            var capital = SpeakerEntity.IsCapitalised(m.Value.TrimStart('"', '“'));
            var joined = previous is not null && string.IsNullOrWhiteSpace(line[(previous.Index + previous.Length)..m.Index])
                && !EndsSentence(previous.Value);
            if (!capital || !joined)
            {
                Flush(line, lineStart, run);
            }

            if (capital)
            {
                run.Add(m);
            }

            previous = m;
            if (previous.Value.EndsWith("'s", StringComparison.Ordinal) || previous.Value.EndsWith("’s", StringComparison.Ordinal))
            {
                Flush(line, lineStart, run); // a possessive ends a name: "Trump's Clinton attack"
                previous = null;
            }
        }

        Flush(line, lineStart, run);
    }

    /// <summary>
    /// Every stretch of a capitalised run ending at each word that reads as a name of two or more
    /// words becomes a candidate; the longest one whose first word can be a given name ("Injecting
    /// Hillary Clinton" → Hillary Clinton).
    /// </summary>
    private void Flush(string line, int lineStart, List<Match> run)
    {
        for (var end = 1; end < run.Count; end++)
        {
            for (var start = 0; start < end; start++)
            {
                var phrase = string.Join(' ', run.Skip(start).Take(end - start + 1).Select(m => m.Value));
                if (SpeakerEntity.Parse(phrase) is not { Name: { Count: >= 2 } name } entity || StrictLexicon.Function.Contains(name[0]))
                {
                    continue;
                }

                var givenToken = run.Skip(start).Take(end - start + 1).FirstOrDefault(m => SpeakerEntity.Plain(m.Value) == name[0]) ?? run[start];
                var initial = SentenceInitial(line, givenToken.Index);
                if (initial && OrdinaryWord(name[0]))
                {
                    continue;
                }

                _candidates.Add(new Candidate(entity.GivenNames.ToList(), name[^1], lineStart + run[start].Index, initial));
                break;
            }
        }

        run.Clear();
    }

    private static bool SentenceInitial(string line, int index)
    {
        var i = index - 1;
        while (i >= 0 && (char.IsWhiteSpace(line[i]) || line[i] is '"' or '“' or '‘' or '\'' or '(' or '—' or '-'))
        {
            i--;
        }

        if (i >= 0 && line[i] == '.')
        {
            // "Sen. Ted Cruz", "John F. Kennedy": the period of a title or an initial ends no sentence.
            var wordStart = i;
            while (wordStart > 0 && !char.IsWhiteSpace(line[wordStart - 1]))
            {
                wordStart--;
            }

            return EndsSentence(line[wordStart..(i + 1)]);
        }

        return i < 0 || line[i] is '?' or '!' or ':' or ';';
    }

    private static bool EndsSentence(string token)
    {
        if (!token.EndsWith('.'))
        {
            return false;
        }

        var core = token.TrimEnd('.');
        return !SpeakerEntity.IsInitial(token) && !StrictLexicon.Titles.Contains(SpeakerEntity.Plain(core)) && core is not ("Jr" or "Sr" or "St");
    }

    /// <summary>A title-case line (a headline or sub-head): its capitals say nothing about names.</summary>
    private static bool IsHeadline(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)).ToList();
        return words.Count >= 4 && words.Count(w => char.IsUpper(w.First(char.IsLetter))) >= 0.75 * words.Count;
    }

    /// <summary>A word with its trailing period (initials, titles, sentence ends) and its nickname quotes.</summary>
    [GeneratedRegex(@"[""“]?\p{L}[\p{L}\p{M}'’\-]*(?:\.(?=\s|$)|\.(?=\p{Lu}))?(?:\p{Lu}\.)*[""”]?", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <param name="Given">Every given name it may be known by (<see cref="SpeakerEntity.GivenNames"/>).</param>
    private sealed record Candidate(IReadOnlyList<string> Given, string Last, int Offset, bool SentenceInitial);

    internal sealed record Person(HashSet<string> Given, List<int> Offsets)
    {
        public int Count => Offsets.Count;

        public int First => Offsets.Min();

        public int LastBefore(int position) => Offsets.Where(o => o < position).DefaultIfEmpty(-1).Max();
    }
}
