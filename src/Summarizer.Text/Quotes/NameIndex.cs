using System.Text.RegularExpressions;
using Summarizer.Text.Lexicon;

namespace Summarizer.Text;

/// <summary>
/// Person names introduced in an article (two or more capitalised words), so a later surname or
/// pronoun can be resolved to the full name, and titles (Commander, Senator) dropped from speakers.
/// </summary>
internal sealed partial class NameIndex
{
    private readonly List<(int Offset, string Name)> _people = [];
    private readonly string _text;
    private List<(int Offset, string Name)>? _mentions;
    private Dictionary<string, int>? _gender;

    public NameIndex(string text)
    {
        _text = text;
        foreach (Match m in FullName().Matches(text))
        {
            // "In Chicago", "What Mr. Obama": a capitalised function word opening a sentence is not part of a name.
            // A name never spans a line break (FullName's gaps are spaces), so words are split on spaces alone.
            var value = m.Value;
            var first = value.IndexOf(' ', StringComparison.Ordinal);
            if (first > 0 && QuoteLexicon.FunctionWords.Contains(value[..first]))
            {
                value = value[(first + 1)..].TrimStart();
            }

            var name = StripTitles(value);
            if (name.Contains(' ', StringComparison.Ordinal))
            {
                _people.Add((m.Index, name));
            }
        }
    }

    /// <summary>The full names introduced in the article (titles stripped), in order of first mention, each once.</summary>
    internal IEnumerable<string> People => _people.Select(p => p.Name).Distinct(StringComparer.Ordinal);

    public string Resolve(string speaker, int quoteOffset, string? previousSpeaker)
    {
        if (speaker is "he" or "she" or "He" or "She" or "they" or "They")
        {
            return previousSpeaker ?? LastPersonBefore(quoteOffset) ?? speaker;
        }

        if (speaker.Length > 0 && char.IsLower(speaker[0]))
        {
            return speaker; // a description: "a senior diplomat based in the Middle East"
        }

        var name = StripTitles(speaker);
        if (name.Length == 0 || QuoteLexicon.FunctionWords.Contains(name))
        {
            return speaker;
        }

        if (!name.Contains(' ', StringComparison.Ordinal))
        {
            return PersonWithSurname(name) ?? name;
        }

        return name;
    }

    /// <summary>
    /// A bare surname ("Cruz", "Mr. Clinton") → the person the article means among the full names
    /// it writes out with that surname (docs/ATTRIBUTION.md, "Resolution"): with several, the one
    /// written out most often, then the one introduced first. (Before, a full name written after the
    /// quote overrode the one before it: every "Cruz" before "Rafael Cruz" became the father.)
    /// </summary>
    private string? PersonWithSurname(string surname)
    {
        var people = new List<(string Name, int First, int Count)>();
        foreach (var (offset, full) in _people)
        {
            if (!full.EndsWith(" " + surname, StringComparison.Ordinal))
            {
                continue;
            }

            var i = people.FindIndex(p => p.Name == full);
            if (i < 0)
            {
                people.Add((full, offset, 1));
            }
            else
            {
                people[i] = people[i] with { Count = people[i].Count + 1 };
            }
        }

        if (people.Count <= 1)
        {
            return people.Count == 1 ? people[0].Name : null;
        }

        // The one written out in full most often is the one a bare surname means; on a tie, the one
        // introduced first (a later relative is written out in full: "Heidi Cruz").
        return people.OrderByDescending(p => p.Count).ThenBy(p => p.First).First().Name;
    }

    internal string? LastPersonBefore(int offset)
    {
        string? last = null;
        foreach (var (o, n) in _people)
        {
            if (o >= offset)
            {
                break;
            }

            last = n;
        }

        return last;
    }

    /// <summary>
    /// The person a he/she refers to: the nearest mention before <paramref name="offset"/> (full
    /// name, or a surname of someone introduced) whose gender, as the article itself shows it, fits.
    /// </summary>
    public string? PersonForPronoun(string pronoun, int offset)
    {
        var wanted = pronoun is "he" or "He" ? 1 : pronoun is "she" or "She" ? -1 : 0;
        var mentions = Mentions();
        var gender = Genders();
        string? unknown = null;
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var (at, name) = mentions[i];
            if (at >= offset)
            {
                continue;
            }

            if (offset - at > 1500)
            {
                break;
            }

            var g = gender.GetValueOrDefault(name);
            if (wanted == 0 || Math.Sign(g) == wanted)
            {
                return name;
            }

            // A name whose gender the article never shows is only a fallback: places and
            // organisations ("North Korea", "Wall Street Journal") never show one.
            if (g == 0)
            {
                unknown ??= name;
            }
        }

        return unknown;
    }

    /// <summary>The article shows <paramref name="name"/>'s gender, and it is the pronoun's.</summary>
    public bool GenderShownFits(string name, string pronoun)
    {
        var g = Genders().GetValueOrDefault(name);
        return g != 0 && Math.Sign(g) == (pronoun is "he" or "He" ? 1 : -1);
    }

    /// <summary>Every mention of a known person: full names, and surnames of people introduced anywhere.</summary>
    private List<(int Offset, string Name)> Mentions()
    {
        if (_mentions is not null)
        {
            return _mentions;
        }

        var bySurname = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, name) in _people)
        {
            bySurname.TryAdd(name[(name.LastIndexOf(' ') + 1)..], name);
        }

        // "Mr. Obama", "Mrs. Clinton": an honorific makes a lone surname a person even when the
        // article never gives the full name.
        foreach (Match m in HonorificSurname().Matches(_text))
        {
            bySurname.TryAdd(m.Groups["surname"].Value, m.Groups["surname"].Value);
        }

        var result = new List<(int, string)>();
        foreach (Match m in CapitalisedWord().Matches(_text))
        {
            if (bySurname.TryGetValue(m.Value, out var full))
            {
                result.Add((m.Index, full));
            }
        }

        return _mentions = result;
    }

    /// <summary>
    /// +n male, -n female, 0 unknown, per person: honorifics (Mr./Mrs./Ms.) and the pronouns that
    /// follow a mention in the same sentence ("Clinton said she ...", "Trump ... his").
    /// </summary>
    private Dictionary<string, int> Genders()
    {
        if (_gender is not null)
        {
            return _gender;
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (at, name) in Mentions())
        {
            var score = 0;
            var before = _text.AsSpan(Math.Max(0, at - 5), Math.Min(5, at));
            if (before.EndsWith("Mr. ", StringComparison.Ordinal))
            {
                score += 3;
            }
            else if (before.EndsWith("Mrs. ", StringComparison.Ordinal) || before.EndsWith("Ms. ", StringComparison.Ordinal))
            {
                score -= 3;
            }

            var end = Math.Min(_text.Length, at + 100);
            var stop = _text.IndexOfAny(['.', '\n', '“', '"'], at, end - at);
            var window = _text.AsSpan(at, (stop < 0 ? end : stop) - at);
            foreach (Match p in PronounWord().Matches(window.ToString()))
            {
                score += p.Value.ToLowerInvariant() is "he" or "his" or "him" ? 1 : -1;
            }

            result[name] = result.GetValueOrDefault(name) + score;
        }

        return _gender = result;
    }

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms)\.[^\S\n]+(?<surname>[A-Z][\p{L}'’\-]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HonorificSurname();

    [GeneratedRegex(@"\b[A-Z][\p{L}'’\-]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er|[Hh]ers)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PronounWord();

    internal static string StripTitles(string name)
    {
        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The person's name is the run after the last title word: "Pentagon Spokesperson Commander Jessica McNulty".
        var start = 0;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            if (QuoteLexicon.NameTitles.Contains(tokens[i]))
            {
                start = i + 1;
            }
        }

        return string.Join(' ', tokens[start..]);
    }

    /// <summary>Two or more capitalised words (initials between them) on one line: "Photo: Reuters\n\nThe" is no name.</summary>
    [GeneratedRegex(@"\b[A-Z][a-z][\p{L}'’\-]*(?:[^\S\n]+(?:[A-Z]\.[^\S\n]+)*[A-Z][\p{L}'’\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex FullName();
}
