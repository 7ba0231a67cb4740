using Summarizer.Text;

namespace Summarizer.Grains.Collections;

/// <summary>
/// One speaker across the articles of a collection: a person is their given name and surname with
/// titles stripped ("Pentagon Spokesperson Commander Jessica McNulty" and "Jessica McNulty" are one),
/// and a bare surname ("McNulty") is the one person with that surname, the one its own article
/// names when several share it, or left as written when that is still ambiguous. Speakers that name
/// no person ("a spokeswoman") are one speaker only when written the same (ignoring case). Each
/// speaker is shown by its fullest wording.
/// </summary>
public sealed class SpeakerResolver
{
    private readonly Dictionary<(string ArticleId, string Speaker), string> _keys = [];
    private readonly Dictionary<string, string> _display = new(StringComparer.Ordinal);

    public SpeakerResolver(IEnumerable<(string ArticleId, string Speaker)> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var all = mentions.Distinct().ToList();
        var parsed = all.ToDictionary(m => m, m => PersonName.Parse(m.Speaker));
        var fullKeys = parsed.Where(p => p.Value?.Given is not null).ToList();
        var keysBySurname = fullKeys
            .GroupBy(p => Lower(p.Value!.Surname))
            .ToDictionary(g => g.Key, g => g.Select(p => FullKey(p.Value!)).Distinct().ToList());

        foreach (var (mention, person) in parsed)
        {
            string key;
            if (person is null)
            {
                key = "other:" + Lower(mention.Speaker.Trim());
            }
            else if (person.Given is not null)
            {
                key = FullKey(person);
            }
            else
            {
                key = ResolveSurname(mention.ArticleId, Lower(person.Surname), keysBySurname, fullKeys);
            }

            _keys[mention] = key;
            if (!_display.TryGetValue(key, out var shown) || Fuller(mention.Speaker, shown))
            {
                _display[key] = mention.Speaker.Trim();
            }
        }
    }

    /// <summary>The speaker's identity across the collection (compare these, not the wording); null for no speaker.</summary>
    public string? Key(string articleId, string? speaker) =>
        speaker is null ? null : _keys.GetValueOrDefault((articleId, speaker));

    /// <summary>The fullest wording of the speaker across the collection; null for no speaker.</summary>
    public string? Display(string articleId, string? speaker) =>
        Key(articleId, speaker) is { } key ? _display[key] : speaker;

    private static string ResolveSurname(
        string articleId, string surname, Dictionary<string, List<string>> keysBySurname,
        List<KeyValuePair<(string ArticleId, string Speaker), PersonName?>> fullKeys)
    {
        if (!keysBySurname.TryGetValue(surname, out var keys))
        {
            return "surname:" + surname;
        }

        if (keys.Count == 1)
        {
            return keys[0];
        }

        // Several people share the surname: the one this article names, if it names only one.
        var own = fullKeys.Where(p => p.Key.ArticleId == articleId && Lower(p.Value!.Surname) == surname)
            .Select(p => FullKey(p.Value!)).Distinct().ToList();
        return own.Count == 1 ? own[0] : "surname:" + surname;
    }

    private static string FullKey(PersonName p) => "person:" + Lower(p.Given!) + " " + Lower(p.Surname);

    private static bool Fuller(string candidate, string shown) =>
        candidate.Trim().Length > shown.Length || (candidate.Trim().Length == shown.Length && string.CompareOrdinal(candidate.Trim(), shown) < 0);

    private static string Lower(string s) => s.ToLowerInvariant();
}
