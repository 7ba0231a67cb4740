namespace Summarizer.Eval.Quotes;

/// <summary>
/// What a speaker phrase refers to, read the same way for a gold span and for a prediction: a
/// <see cref="Name"/> (a person or organisation: "Sen. Ted Cruz", "The New York Times", "PENCE")
/// or a <see cref="Head"/> noun (a description: "a State Department spokesperson").
/// </summary>
/// <param name="Name">Name words, lower case, titles and initials dropped ("ted", "cruz"); null for a description.</param>
/// <param name="Aliases">Nicknames written inside the name (Robert C. "Bobby" Scott → bobby), lower case.</param>
/// <param name="Head">The description's head noun, singular, lower case; null for a name.</param>
public sealed record SpeakerEntity(IReadOnlyList<string>? Name, IReadOnlyList<string> Aliases, string? Head)
{
    /// <summary>The surname (or an organisation's last word).</summary>
    public string? Last => Name is { Count: > 0 } n ? n[^1] : null;

    /// <summary>The given names a name may be known by: its first word, the word before the surname, and nicknames.</summary>
    public IEnumerable<string> GivenNames => Name is { Count: >= 2 } n ? Aliases.Append(n[0]).Append(n[^2]) : Aliases;

    /// <summary>
    /// Reads a speaker phrase (rules in <see cref="StrictSpeakerJudge"/>): parentheses dropped,
    /// nicknames kept as aliases, split at commas; the first part that ends in a name gives the
    /// entity ("Scott's niece, state Del. Marcia Price" → Marcia Price), else the first part's head noun.
    /// </summary>
    public static SpeakerEntity? Parse(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return null;
        }

        var (clean, aliases) = DropParenthesesAndNicknames(phrase);
        SpeakerEntity? description = null;
        foreach (var part in clean.Split([',', ';', ':', '—', '–'], StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim('.', '!', '?', '"', '“', '”', '\'')).Where(t => t.Length > 0).ToList();
            if (tokens.Count == 0)
            {
                continue;
            }

            if (StrictLexicon.PostModifiers.Contains(tokens[0].ToLowerInvariant()))
            {
                continue; // "who wrote the report", "of the Sierra Club": a clause or a modifier, not the speaker
            }

            var zone = NameZone(tokens);
            if (zone.Count == 0)
            {
                continue;
            }

            var name = TrailingName(zone);
            if (name.Count > 0)
            {
                return new SpeakerEntity(name, aliases, null);
            }

            description ??= new SpeakerEntity(null, aliases, HeadOf(zone));
        }

        return description;
    }

    /// <summary>The tokens before the first post-modifier (of, at, for, who …); "Secretary of State" keeps going (an office).</summary>
    private static List<string> NameZone(List<string> tokens)
    {
        var zone = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var lower = t.ToLowerInvariant();
            if (StrictLexicon.PostModifiers.Contains(lower) && zone.Count > 0)
            {
                var previousIsTitle = StrictLexicon.Titles.Contains(Plain(zone[^1]));
                if (lower == "of" && previousIsTitle && i + 1 < tokens.Count && IsCapitalised(tokens[i + 1]))
                {
                    // "Secretary of State John F. Kerry": the office is a title, the name follows.
                    zone.Add("of");
                    zone.Add(tokens[i + 1]);
                    i++;
                    continue;
                }

                if (lower == "of" && zone.Count > 0 && Plain(zone[^1]) == "one")
                {
                    zone.Clear(); // "one of the organizers": the head is after "of"
                    continue;
                }

                break;
            }

            zone.Add(t);
        }

        return zone;
    }

    /// <summary>
    /// The run of capitalised words that ends the zone, after the last title in it
    /// ("Virginia AFL-CIO President Doris Crouse-Mays" → doris crouse-mays), initials, a leading
    /// "The" and suffixes (Jr., III) dropped; empty when the zone ends in a lower-case word or the
    /// run is only titles ("the Senator").
    /// </summary>
    private static List<string> TrailingName(List<string> zone)
    {
        if (!IsCapitalised(zone[^1]) || zone[^1].EndsWith("'s", StringComparison.Ordinal) || zone[^1].EndsWith("’s", StringComparison.Ordinal))
        {
            return [];
        }

        var start = zone.Count - 1;
        while (start > 0 && (IsCapitalised(zone[start - 1]) || (zone[start - 1] == "of" && start > 1 && StrictLexicon.Titles.Contains(Plain(zone[start - 2])))))
        {
            start--;
        }

        var run = zone.Skip(start).ToList();
        var afterTitle = 0;
        for (var i = 0; i < run.Count - 1; i++)
        {
            if (run[i] == "of")
            {
                afterTitle = i + 2; // "Secretary of State John F. Kerry"
                i++;
            }
            else if (StrictLexicon.Titles.Contains(Plain(run[i])))
            {
                afterTitle = i + 1;
            }
        }

        var words = run.Skip(afterTitle)
            .Where(w => !IsInitial(w))
            .Select(Plain)
            .Where(w => w.Length > 0 && !StrictLexicon.Suffixes.Contains(w))
            .ToList();
        if (words.Count > 1 && StrictLexicon.Function.Contains(words[0]))
        {
            words.RemoveAt(0); // "The New York Times", "But Flynn"
        }

        return words.Count == 0 || (words.Count == 1 && (StrictLexicon.Titles.Contains(words[0]) || StrictLexicon.Function.Contains(words[0]))) ? [] : words;
    }

    private static string HeadOf(List<string> zone)
    {
        var words = zone.Select(Plain).Where(w => w.Length > 0 && !StrictLexicon.Function.Contains(w)).ToList();
        return Singular(words.Count > 0 ? words[^1] : Plain(zone[^1]));
    }

    private static (string Clean, List<string> Aliases) DropParenthesesAndNicknames(string phrase)
    {
        var sb = new System.Text.StringBuilder();
        var aliases = new List<string>();
        var depth = 0;
        for (var i = 0; i < phrase.Length; i++)
        {
            var c = phrase[i];
            if (c == '(')
            {
                depth++;
                continue;
            }

            if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if ((c is '"' or '“') && i + 1 < phrase.Length && char.IsUpper(phrase[i + 1]))
            {
                // A nickname inside a name: Robert C. "Bobby" Scott.
                var close = phrase.IndexOfAny(['"', '”'], i + 1);
                if (close > i && close - i < 20 && !phrase[(i + 1)..close].Contains(' ', StringComparison.Ordinal))
                {
                    aliases.Add(Plain(phrase[(i + 1)..close]));
                    i = close;
                    continue;
                }
            }

            sb.Append(c);
        }

        return (sb.ToString(), aliases);
    }

    internal static bool IsCapitalised(string token) => token.Length > 0 && char.IsUpper(token[0]);

    internal static bool IsInitial(string token) => token.Length <= 4 && token.Length >= 1 && token.Replace(".", string.Empty, StringComparison.Ordinal) is { Length: >= 1 and <= 2 } core
        && core.All(char.IsUpper) && (token.Contains('.', StringComparison.Ordinal) || core.Length == 1);

    /// <summary>Lower case, possessive 's and punctuation other than hyphens dropped.</summary>
    internal static string Plain(string token)
    {
        var t = token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("’s", StringComparison.Ordinal) ? token[..^2] : token;
        return new string(t.Where(c => char.IsLetterOrDigit(c) || c == '-').Select(char.ToLowerInvariant).ToArray());
    }

    internal static string Singular(string w) => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w;
}
