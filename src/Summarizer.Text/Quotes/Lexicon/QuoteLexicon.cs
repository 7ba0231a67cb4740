using System.Collections.Frozen;
using System.Reflection;

namespace Summarizer.Text.Lexicon;

/// <summary>
/// The word lists of quote extraction and attribution, read once from the embedded
/// <c>Lexicon/quotes.txt</c> (one <c>[section]</c> per list). Every rule reads its words from
/// here, so a word is added in one place and all rules agree on it.
/// </summary>
internal static class QuoteLexicon
{
    private const string ResourceName = "Summarizer.Text.Lexicon.quotes.txt";

    private static readonly Dictionary<string, string[]> Sections = Load();

    /// <summary>Reporting verbs, lower case only (a capitalised "State" is part of a name).</summary>
    public static readonly FrozenSet<string> ReportingVerbs = Set("reporting-verbs", ignoreCase: true);

    public static readonly FrozenSet<string> CueNouns = Set("cue-nouns");

    public static readonly FrozenSet<string> InvertibleCues = Set("invertible-cues");

    public static readonly FrozenSet<string> Pronouns = Set("pronouns");

    public static readonly FrozenSet<string> Determiners = Set("determiners", ignoreCase: true);

    public static readonly FrozenSet<string> Auxiliaries = Set("auxiliaries", ignoreCase: true);

    public static readonly FrozenSet<string> ClauseBreakers = Set("clause-breakers", ignoreCase: true);

    public static readonly FrozenSet<string> ClauseConnectives = Set("clause-connectives");

    public static readonly FrozenSet<string> TitleAbbreviations = Set("title-abbreviations");

    public static readonly FrozenSet<string> OfficeWords = Set("office-words");

    public static readonly FrozenSet<string> NameTitles = Set("name-titles", ignoreCase: true);

    public static readonly FrozenSet<string> FunctionWords = Set("function-words");

    public static readonly FrozenSet<string> NameParticles = Set("name-particles");

    public static readonly FrozenSet<string> NameObjectPrepositions = Set("name-object-prepositions");

    public static readonly FrozenSet<string> PostModifierPrepositions = Set("post-modifier-prepositions");

    public static readonly FrozenSet<string> ModifierOpeners = Set("modifier-openers");

    public static readonly FrozenSet<string> CueNounDeterminers = Set("cue-noun-determiners");

    public static readonly FrozenSet<string> TitleMinorWords = Set("title-minor-words");

    public static readonly FrozenSet<string> SpeakerHeads = Set("speaker-heads", ignoreCase: true);

    public static readonly IReadOnlyList<string> SpeakerHeadSuffixes = Words("speaker-head-suffixes");

    public static readonly FrozenSet<string> SpeakerHeadExceptions = Set("speaker-head-exceptions", ignoreCase: true);

    public static readonly FrozenSet<string> HeadQuantifiers = Set("head-quantifiers", ignoreCase: true);

    public static readonly FrozenSet<string> DescriptionPostModifiers = Set("description-post-modifiers", ignoreCase: true);

    /// <summary>Words as they are written in the file, for building patterns.</summary>
    public static IReadOnlyList<string> Words(string section) =>
        Sections.TryGetValue(section, out var words) ? words : throw new InvalidOperationException($"{ResourceName}: no [{section}] section");

    /// <summary>A regex alternation of a section's words, longest first so no word shadows a longer one.</summary>
    public static string Alternation(string section) =>
        string.Join('|', Words(section).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Select(System.Text.RegularExpressions.Regex.Escape));

    private static FrozenSet<string> Set(string section, bool ignoreCase = false) =>
        Words(section).ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static Dictionary<string, string[]> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"{ResourceName} is not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Sections of the lexicon text: <c>[name]</c> lines, then words; <c>#</c> comments.</summary>
    internal static Dictionary<string, string[]> Parse(string text)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? section = null;
        var words = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                Flush();
                section = line[1..^1];
                continue;
            }

            words.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        Flush();
        return result;

        void Flush()
        {
            if (section is not null)
            {
                result[section] = [.. words.Distinct(StringComparer.Ordinal)];
            }

            words.Clear();
        }
    }
}
