namespace Summarizer.Eval.Quotes;

/// <summary>How a gold speaker is judged.</summary>
public enum SpeakerKind
{
    /// <summary>No annotated source.</summary>
    None,

    /// <summary>he, she, they, I, we ...: judged separately against the corpus's automatic coreference.</summary>
    Pronoun,

    /// <summary>A proper name ("Mr. Podesta", "Hillary Clinton", "The New York Post").</summary>
    Named,

    /// <summary>A description ("a State Department spokesperson", "his campaign").</summary>
    Described,
}

/// <summary>
/// The speaker-matching rules of the quote scorer, written down so figures can be compared:
/// <list type="number">
/// <item>Both sides are normalised: lower case, possessive 's dropped, punctuation removed, leading
/// titles and honorifics (mr, mrs, ms, dr, sen, rep, gov, president, secretary ...) dropped.</item>
/// <item>Named gold speaker (first word capitalised, not a determiner): its name part is taken
/// (<see cref="NamePart"/>: before any comma, parenthesis or "of/at/for/from/in", the last run of
/// capitalised words, titles dropped); correct when the prediction holds the name's last word (the
/// surname: "Mr. Podesta" ~ "John Podesta", "Clinton" ~ "Hillary Clinton"), or every name word.</item>
/// <item>A capitalised gold speaker with no name in it ("Obama's former campaign strategist") is judged
/// as a description.</item>
/// <item>A gold speaker that is only a cue word ("said": an annotation slip) is not judged.</item>
/// <item>Described gold speaker (starts with a/an/the/his/her/their..., or lower case): correct when
/// the prediction holds the description's head noun, the last word before the first post-modifier
/// (of, for, in, at, with, from, on, to, who, that, based, familiar, close, ","); "one of the X" has head X. "a senior
/// diplomat based in the Middle East" needs "diplomat"; "the State Department official" needs
/// "official". Plural and singular heads match ("officials" ~ "official").</item>
/// <item>Pronoun gold speakers are not in speaker accuracy; they are reported as "pronouns resolved":
/// the prediction matches the corpus's automatic coreference name with rule 2.</item>
/// </list>
/// </summary>
public static class SpeakerMatcher
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "i", "we", "it", "him", "her", "them", "me", "us", "you", "his", "hers", "himself", "herself", "themselves", "who", "which", "that",
    };

    private static readonly HashSet<string> CueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "added", "asked", "wrote", "according",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "one", "two", "three", "some", "many", "several", "other", "another", "both", "all", "most", "this", "that", "these", "those", "any", "each",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor", "president", "secretary",
        "gen", "general", "col", "lt", "capt", "adm", "prof", "professor", "rev", "judge", "justice", "mayor", "ambassador",
        "former", "vice", "democratic", "republican", "gop", "nominee", "candidate", "presidential", "sir", "lord", "chairman",
    };

    private static readonly HashSet<string> PostModifiers = new(StringComparer.Ordinal)
    {
        "of", "for", "in", "at", "with", "from", "on", "to", "who", "that", "which", "based", "familiar", "close", "speaking", "working", "involved", "told", "said", "by", "and",
    };

    public static SpeakerKind Classify(string? speaker)
    {
        if (string.IsNullOrWhiteSpace(speaker))
        {
            return SpeakerKind.None;
        }

        var trimmed = speaker.Trim();
        if (CueWords.Contains(trimmed))
        {
            return SpeakerKind.None; // an annotation slip: the cue ("said") marked as the source
        }

        if (Pronouns.Contains(trimmed))
        {
            return SpeakerKind.Pronoun;
        }

        var first = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var firstLower = Words(first).FirstOrDefault() ?? string.Empty;
        if (char.IsLower(first[0]) || (Determiners.Contains(firstLower) && !LooksLikeNamedOrganisation(trimmed)))
        {
            return SpeakerKind.Described;
        }

        return SpeakerKind.Named;
    }

    /// <summary>"The New York Post", "The Clinton campaign" start with "The" but the rest is capitalised.</summary>
    private static bool LooksLikeNamedOrganisation(string speaker)
    {
        var tokens = speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length > 1 && tokens[0] is "The" && tokens.Skip(1).All(t => t.Length > 0 && char.IsUpper(t[0]));
    }

    public static bool Matches(string gold, string? predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (string.IsNullOrWhiteSpace(predicted))
        {
            return false;
        }

        var predictedWords = Words(predicted).Select(Singular).ToHashSet(StringComparer.Ordinal);
        switch (Classify(gold))
        {
            case SpeakerKind.Named:
            {
                var g = NamePart(gold);
                if (g.Count == 0)
                {
                    // "Obama's former campaign strategist": capitalised, but a description; judged by its head noun.
                    var noun = HeadNoun(gold);
                    return noun is not null && predictedWords.Contains(Singular(noun));
                }

                return predictedWords.Contains(Singular(g[^1])) || g.All(w => predictedWords.Contains(Singular(w)));
            }

            case SpeakerKind.Described:
            {
                var head = HeadNoun(gold);
                return head is not null && predictedWords.Contains(Singular(head));
            }

            default:
                return false;
        }
    }

    /// <summary>
    /// The name in a named speaker span: up to the first comma or parenthesis ("Kenneth Baer, a former
    /// official") and the first "of/at/for/from/in" ("Charles B. Rangel of New York"), then the last
    /// run of capitalised words ("White House press secretary Josh Earnest" → "Josh Earnest"), with
    /// titles and a leading "The" dropped.
    /// </summary>
    public static List<string> NamePart(string gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var cut = gold.IndexOfAny([',', '(']);
        var head = cut > 0 ? gold[..cut] : gold;
        foreach (var post in (string[])[" of ", " at ", " for ", " from ", " in "])
        {
            var p = head.IndexOf(post, StringComparison.Ordinal);
            if (p > 0)
            {
                head = head[..p];
            }
        }

        // The last run of capitalised words: "White House press secretary Josh Earnest" → Josh Earnest.
        var run = new List<string>();
        foreach (var raw in head.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsLower(raw[0]))
            {
                run.Clear();
                continue;
            }

            run.AddRange(Words(raw));
        }

        var result = StripTitles(run).ToList();
        if (result.Count > 1 && result[0] == "the")
        {
            result.RemoveAt(0);
        }

        return result;
    }

    /// <summary>
    /// The name inside the corpus's automatic coreference for a pronoun ("rival Donald Trump" →
    /// "Donald Trump"), or null when it holds no capitalised name (then the pronoun is not judged).
    /// </summary>
    public static string? CorefName(string? coref)
    {
        if (string.IsNullOrWhiteSpace(coref))
        {
            return null;
        }

        var words = coref.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => !char.IsUpper(w[0]) || w is "The" or "A" or "An").ToList();
        var name = string.Join(' ', words);
        return words.Count > 0 && Classify(name) == SpeakerKind.Named && NamePart(name).Count > 0 ? name : null;
    }

    /// <summary>The key noun of a description: the last word before the first post-modifier.</summary>
    public static string? HeadNoun(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var cut = description.IndexOf(',', StringComparison.Ordinal);
        var words = Words(cut > 0 ? description[..cut] : description).ToList();
        string? head = null;
        foreach (var w in words)
        {
            if (PostModifiers.Contains(w))
            {
                if (head is not null && head != "one")
                {
                    break;
                }

                continue; // "one of the organizers": the head is after "of"
            }

            if (!Determiners.Contains(w))
            {
                head = w;
            }
        }

        return head;
    }

    internal static IEnumerable<string> Words(string s)
    {
        var normalized = s.Replace("’s", string.Empty, StringComparison.Ordinal).Replace("'s", string.Empty, StringComparison.Ordinal);
        var word = new System.Text.StringBuilder();
        foreach (var ch in normalized)
        {
            if (char.IsLetterOrDigit(ch) || ch == '-')
            {
                word.Append(char.ToLowerInvariant(ch));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static IEnumerable<string> StripTitles(IEnumerable<string> words) => words.Where(w => !Titles.Contains(w));

    private static string Singular(string w) => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w;
}
