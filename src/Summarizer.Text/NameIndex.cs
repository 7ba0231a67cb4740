using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Person names introduced in an article (two or more capitalised words), so a later surname or
/// pronoun can be resolved to the full name, and titles (Commander, Senator) dropped from speakers.
/// </summary>
internal sealed partial class NameIndex
{
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Vice", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Secretary", "Minister", "Prime",
        "Commander", "Spokesperson", "Spokesman", "Spokeswoman", "Press", "General", "Gen.", "Col.", "Colonel", "Lt.", "Captain",
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Professor", "Judge", "Justice", "Chief", "Director", "Chairman", "Chairwoman",
        "Former", "Mayor", "Ambassador", "Attorney", "Deputy", "Speaker", "Leader", "Officer", "Sheriff", "Detective", "Sergeant",
        "Admiral", "King", "Queen", "Prince", "Princess", "Pope", "Rev.", "Bishop", "Coach", "Manager", "Executive", "CEO",
        "White", "House", "State", "Department", "Pentagon", "US", "U.S.", "Defense", "Foreign", "Affairs",
    };

    private readonly List<(int Offset, string Name)> _people = [];

    public NameIndex(string text)
    {
        foreach (Match m in FullName().Matches(text))
        {
            var name = StripTitles(m.Value);
            if (name.Contains(' ', StringComparison.Ordinal))
            {
                _people.Add((m.Index, name));
            }
        }
    }

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
        if (name.Length == 0 || SpeakerPhrase.FunctionWords.Contains(name))
        {
            return speaker;
        }

        if (!name.Contains(' ', StringComparison.Ordinal))
        {
            // Surname → the full name introduced earlier (or anywhere, failing that).
            string? best = null;
            foreach (var (offset, full) in _people)
            {
                if (full.EndsWith(" " + name, StringComparison.Ordinal))
                {
                    best = full;
                    if (offset > quoteOffset)
                    {
                        break;
                    }
                }
            }

            return best ?? name;
        }

        return name;
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

    internal static string StripTitles(string name)
    {
        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The person's name is the run after the last title word: "Pentagon Spokesperson Commander Jessica McNulty".
        var start = 0;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            if (TitleWords.Contains(tokens[i]))
            {
                start = i + 1;
            }
        }

        return string.Join(' ', tokens[start..]);
    }

    [GeneratedRegex(@"\b[A-Z][a-z][\p{L}'’\-]*(?:\s+[A-Z][\p{L}'’\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex FullName();
}
