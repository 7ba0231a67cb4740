using System.Text.RegularExpressions;

namespace Summarizer.Text;

/// <summary>
/// Finds the noun phrase that names a speaker next to a reporting verb, without a parser:
/// a run of capitalised words (a name, with titles and initials), a determiner-led description
/// ("a senior diplomat based in the Middle East", "the Indiana governor"), or a pronoun.
/// </summary>
internal static partial class SpeakerPhrase
{
    internal static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "he", "she", "they", "we", "I", "He", "She", "They", "We",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "one", "his", "her", "their", "its", "our", "this", "that", "another", "some", "two", "three", "four",
        "several", "many", "most", "all", "both", "other", "few", "each", "every", "no", "these", "those",
    };

    /// <summary>Words that sit between a subject and its verb: auxiliaries and adverbs.</summary>
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "also", "then", "later", "again", "once", "first",
        "had", "did", "does", "do", "may", "might", "could", "can", "should", "must", "not", "never", "already", "even",
        "still", "just", "further", "often", "has", "been", "be", "being", "reportedly", "previously", "recently", "repeatedly",
        "openly", "publicly", "privately", "simply", "only", "now", "since", "ever", "apparently", "actually", "flatly",
    };

    /// <summary>Words that end a subject going backwards: a phrase before them belongs to another clause.</summary>
    private static readonly HashSet<string> Breakers = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "or", "that", "which", "who", "whom", "whose", "while", "when", "where", "because", "as", "if", "than",
        "of", "to", "for", "with", "by", "from", "in", "on", "at", "about", "after", "before", "during", "into", "over", "under",
        "said", "says", "told", "tells", "says", "since", "though", "although", "so", "what", "how", "why", "until",
    };

    private static readonly HashSet<string> TitleAbbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Adm", "Maj", "Prof", "Rev", "Hon",
        "St", "Jr", "Sr", "Supt", "Det", "Insp", "Cmdr", "Pres", "Messrs", "Del", "Amb", "Atty", "Gens", "Sens", "Reps",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "in", "of", "for", "at", "from", "on", "with", "near", "the",
    };

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "van", "von", "bin", "der", "da", "al", "la", "le", "du", "del", "di",
    };

    /// <summary>
    /// The speaker phrase that ends right before <paramref name="end"/> in <paramref name="s"/>
    /// (the text before a cue verb). Null when the words there cannot be a subject.
    /// </summary>
    public static string? Before(string s, int end, bool allowBare = true)
    {
        // A subject sits within a few dozen words of its verb: tokenize only that window.
        var from = Math.Max(0, end - 300);
        while (from > 0 && from < end && !char.IsWhiteSpace(s[from - 1]))
        {
            from++;
        }

        var tokens = Tokenize(s, from, end);
        var i = tokens.Count - 1;
        while (i >= 0 && (Skippable.Contains(tokens[i].Word) || (tokens[i].Word.EndsWith("ly", StringComparison.Ordinal) && tokens[i].Word.Length > 4 && char.IsLower(tokens[i].Word[0]))))
        {
            i--;
        }

        if (i < 0)
        {
            return null;
        }

        // "Flynn, a top Trump surrogate, said": prefer the name before one or more appositives
        // ("Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said").
        if (tokens[i].Word == ",")
        {
            string? nearest = null;
            var segmentEnd = i;
            for (var depth = 0; depth < 3; depth++)
            {
                var k = segmentEnd - 1;
                while (k >= 0 && tokens[k].Word != "," && segmentEnd - k < 16)
                {
                    k--;
                }

                if (k <= 0 || tokens[k].Word != ",")
                {
                    break;
                }

                nearest ??= Phrase(tokens, segmentEnd - 1, k + 1, allowBare);
                var outer = Phrase(tokens, k - 1, 0, allowBare);
                if (outer is not null && IsName(outer))
                {
                    return outer;
                }

                segmentEnd = k;
            }

            return nearest;
        }

        if (!allowBare && i > 0 && Determiners.Contains(tokens[i].Word))
        {
            return null;
        }

        return Phrase(tokens, i, 0, allowBare);
    }

    /// <summary>The speaker phrase that starts at <paramref name="start"/> ("said Rep. G.K. Butterfield (D-N.C.), head of ...").</summary>
    public static string? After(string s, int start, int limit = 160)
    {
        var tokens = Tokenize(s, start, Math.Min(s.Length, start + limit));
        if (tokens.Count == 0)
        {
            return null;
        }

        var first = StripContraction(tokens[0].Word);
        if (Pronouns.Contains(first))
        {
            return first;
        }

        if (Determiners.Contains(first))
        {
            // "the Indiana governor", "The New York Post", "a senior diplomat based in the Middle East"
            var j = 0;
            while (j + 1 < tokens.Count && j < 8 && tokens[j + 1].Word is not ("," or "." or ";" or ":" or "(" or "“" or "”" or "\"") && !Breakers.Contains(tokens[j + 1].Word) && !Cues.IsCue(tokens[j + 1].Word) && !Skippable.Contains(tokens[j + 1].Word))
            {
                j++;
            }

            return j > 0 ? Join(tokens, 0, j) : null;
        }

        // "said 9/11 widow Terry Strada", "said former Gov. Jeb Bush": a short lower-case role (or a
        // number) before the name; the name is the speaker.
        if (char.IsLower(first[0]) || char.IsDigit(first[0]))
        {
            var r = 0;
            while (r < tokens.Count && r < 5 && (IsWord(tokens[r].Word) || char.IsDigit(tokens[r].Word[0]) || (tokens[r].Word == "/" && r > 0))
                   && !IsCapitalized(tokens[r].Word) && !Breakers.Contains(tokens[r].Word) && !Cues.IsCue(tokens[r].Word)
                   && !Skippable.Contains(tokens[r].Word) && !Determiners.Contains(tokens[r].Word) && !Pronouns.Contains(tokens[r].Word))
            {
                r++;
            }

            if (r > 0 && r < tokens.Count && IsCapitalized(tokens[r].Word) && !FunctionWords.Contains(tokens[r].Word) && !IsShouted(tokens[r].Word))
            {
                var e = r;
                while (e + 1 < tokens.Count && (IsCapitalized(tokens[e + 1].Word) || NameParticles.Contains(tokens[e + 1].Word)))
                {
                    e++;
                }

                var name = Join(tokens, r, e);
                if (name.Contains(' ', StringComparison.Ordinal))
                {
                    return name;
                }
            }

            return null;
        }

        if (IsCapitalized(first) && !FunctionWords.Contains(first) && !IsShouted(first))
        {
            var j = 0;
            while (j + 1 < tokens.Count && ((IsCapitalized(tokens[j + 1].Word) && !IsShouted(tokens[j + 1].Word)) || NameParticles.Contains(tokens[j + 1].Word)))
            {
                j++;
            }

            // "MSNBC host Chris Matthews", "IMF chief economist Maury Obstfeld": a role between an
            // organisation and the person's name.
            var r = j + 1;
            while (r < tokens.Count && r - j <= 3 && IsWord(tokens[r].Word) && char.IsLower(tokens[r].Word[0])
                   && !Breakers.Contains(tokens[r].Word) && !Cues.IsCue(tokens[r].Word) && !Skippable.Contains(tokens[r].Word))
            {
                r++;
            }

            if (r > j + 1 && r < tokens.Count && IsCapitalized(tokens[r].Word) && !FunctionWords.Contains(tokens[r].Word))
            {
                var e = r;
                while (e + 1 < tokens.Count && IsCapitalized(tokens[e + 1].Word))
                {
                    e++;
                }

                return Join(tokens, r, e);
            }

            return Join(tokens, 0, j);
        }

        return null;
    }

    /// <summary>"Secretary of State John Kerry": an office, not a person qualified by an organisation.</summary>
    private static readonly HashSet<string> OfficeWords = new(StringComparer.Ordinal)
    {
        "Secretary", "Minister", "Director", "Chairman", "Chairwoman", "Chair", "President", "Governor", "Mayor", "Head", "Chief",
        "Speaker", "Leader", "Member", "Professor", "Attorney", "General", "Commissioner", "Ambassador", "Judge", "Senator",
        "Representative", "Editor", "Dean", "Prime", "Vice", "Deputy", "Officer", "Spokesman", "Spokeswoman", "Spokesperson",
    };

    /// <summary>"He’s" → "He", "she'd" → "she": a pronoun with a contracted auxiliary.</summary>
    private static string StripContraction(string w)
    {
        var apostrophe = w.IndexOfAny(['’', '\'']);
        return apostrophe > 0 && w.Length - apostrophe <= 3 && Pronouns.Contains(w[..apostrophe]) ? w[..apostrophe] : w;
    }

    /// <summary>An all-capitals word longer than an acronym: a headline ("CONGRESS HAS INVESTIGATED"), not a name.</summary>
    private static bool IsShouted(string w) => w.Length > 5 && w.All(c => !char.IsLower(c));

    /// <summary>Capitalised at the start of a sentence, but never a speaker.</summary>
    internal static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "If", "When", "While", "Although", "Though", "But", "And", "So", "Yet", "Because", "Since", "As", "After", "Before",
        "Then", "However", "Still", "Meanwhile", "On", "In", "At", "For", "With", "By", "From", "Among", "Despite", "During",
        "Under", "Over", "There", "It", "What", "Why", "How", "Who", "Where", "Once", "Unless", "Whether", "Even", "Now",
        "Here", "Not", "Only", "Also", "Instead", "Later", "Earlier", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", "According", "Asked", "Speaking", "Like", "Unlike", "Perhaps", "Indeed",
    };

    /// <summary>The subject at the start of a clause: "At Monday's debate, Clinton cited ..." → "Clinton".</summary>
    public static string? Subject(string s)
    {
        var text = LeadingAdverbial().Replace(s, string.Empty);
        return After(text, 0, 120);
    }

    private static string? Phrase(List<(string Word, int Start)> tokens, int last, int floor, bool allowBare = true)
    {
        if (last < floor)
        {
            return null;
        }

        var w = tokens[last].Word;
        if (w == ")")
        {
            // "Mike Pence (R-IN) said": skip the parenthesis.
            var k = last;
            while (k > floor && tokens[k].Word != "(")
            {
                k--;
            }

            return k > floor ? Phrase(tokens, k - 1, floor, allowBare) : null;
        }

        if (Pronouns.Contains(StripContraction(w)))
        {
            return StripContraction(w);
        }

        if (IsCapitalized(w) || IsPossessiveName(w))
        {
            var k = last;
            while (k - 1 >= floor && ((IsCapitalized(tokens[k - 1].Word) && !FunctionWords.Contains(tokens[k - 1].Word) && !tokens[k - 1].Word.EndsWith("ly", StringComparison.Ordinal))
                   || (NameParticles.Contains(tokens[k - 1].Word) && k - 2 >= floor && IsCapitalized(tokens[k - 2].Word))))
            {
                k--;
            }

            if (FunctionWords.Contains(tokens[k].Word) && k == last)
            {
                return null;
            }

            // "Mr. Morgan of the Sierra Club said": the organisation qualifies the person before it.
            var q = k - 1;
            if (q - 1 >= floor && tokens[q].Word == "the")
            {
                q--;
            }

            if (q - 1 >= floor && tokens[q].Word is "of" or "at" or "for" && IsCapitalized(tokens[q - 1].Word) && !FunctionWords.Contains(tokens[q - 1].Word)
                && !OfficeWords.Contains(tokens[q - 1].Word))
            {
                var person = Phrase(tokens, q - 1, floor, allowBare);
                if (person is not null && IsName(person))
                {
                    return person;
                }
            }

            // "a senior diplomat based in the Middle East told": the name is the object of a
            // post-modifier; the speaker is the description that owns it.
            if (k - 1 >= floor && Prepositions.Contains(tokens[k - 1].Word))
            {
                for (var d = k - 2; d >= floor && k - d <= 9; d--)
                {
                    var t = tokens[d].Word;
                    if (!IsWord(t) || Cues.IsCue(t) || (Breakers.Contains(t) && !Prepositions.Contains(t)))
                    {
                        break;
                    }

                    if (Determiners.Contains(t) && char.IsLower(t[0]))
                    {
                        return Join(tokens, d, last);
                    }
                }
            }

            return Join(tokens, k, last);
        }

        if (!IsWord(w) || Breakers.Contains(w) || Cues.IsCue(w))
        {
            return null;
        }

        // "the 34-year-old mother of three replied": a number after "of" is not the head.
        if (Determiners.Contains(w) && last - 2 >= floor && tokens[last - 1].Word == "of")
        {
            var owner = Phrase(tokens, last - 2, floor, allowBare);
            if (owner is not null && !Pronouns.Contains(owner))
            {
                return owner + " of " + w;
            }
        }

        // A description: back to its determiner or possessive ("the Indiana governor", "Gary Johnson's doctor").
        for (var k = last - 1; k >= floor && last - k <= 7; k--)
        {
            var t = tokens[k].Word;
            if (Determiners.Contains(t))
            {
                return OwnerOfPostModifier(tokens, k, floor, allowBare) ?? Join(tokens, k, last);
            }

            if (IsPossessiveName(t))
            {
                var m = k;
                while (m - 1 >= floor && IsCapitalized(tokens[m - 1].Word))
                {
                    m--;
                }

                return Join(tokens, m, last);
            }

            if (!IsWord(t) || Breakers.Contains(t) || Cues.IsCue(t))
            {
                // "Democratic officials said", "critics said": a bare plural or modified noun.
                return allowBare && k + 1 <= last && (last - k) <= 3 ? Join(tokens, k + 1, last) : null;
            }
        }

        return allowBare && last - floor < 3 ? Join(tokens, floor, last) : null;
    }

    private static readonly HashSet<string> PostModifierPrepositions = new(StringComparer.Ordinal)
    {
        "in", "of", "for", "at", "from", "on", "with", "near", "through", "across", "along", "around", "outside", "inside", "into", "behind",
    };

    /// <summary>
    /// A description found before a verb may be the object of a post-modifier: "a narrator in the
    /// Clinton ad asks" (the narrator), "Protesters marching through the streets chanted" (the
    /// protesters). <paramref name="det"/> is the object's determiner; returns the owner's phrase.
    /// </summary>
    private static string? OwnerOfPostModifier(List<(string Word, int Start)> tokens, int det, int floor, bool allowBare)
    {
        var p = det - 1;
        if (p - 1 < floor || !PostModifierPrepositions.Contains(tokens[p].Word))
        {
            return null;
        }

        var before = tokens[p - 1].Word;
        if (before.Length > 4 && before.EndsWith("ing", StringComparison.Ordinal) && char.IsLower(before[0]) && !Cues.IsCue(before))
        {
            // A participle phrase: its subject is the noun phrase before the participle.
            var owner = Phrase(tokens, p - 2, floor, allowBare);
            return owner is not null && !Pronouns.Contains(owner) ? owner : null;
        }

        // "a narrator in the Clinton ad": a determiner-led noun phrase right before the preposition.
        for (var d = p - 1; d >= floor && p - d <= 5; d--)
        {
            var t = tokens[d].Word;
            if (!IsWord(t) || Breakers.Contains(t) || Cues.IsCue(t) || Skippable.Contains(t) || IsCapitalized(t))
            {
                return null;
            }

            if (Determiners.Contains(t) && d < p - 1)
            {
                return Join(tokens, d, p - 1);
            }
        }

        return null;
    }

    internal static bool IsName(string phrase) => phrase.Length > 0 && char.IsUpper(phrase[0]) && !phrase.StartsWith("The ", StringComparison.Ordinal) && !phrase.StartsWith("A ", StringComparison.Ordinal);

    private static bool IsCapitalized(string w) => w.Length > 0 && char.IsUpper(w[0]) && !IsPossessiveName(w) && !Pronouns.Contains(w) && w != "I";

    private static bool IsPossessiveName(string w) => w.Length > 2 && char.IsUpper(w[0]) && (w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal));

    private static bool IsWord(string w) => w.Length > 0 && char.IsLetter(w[0]);

    private static string Join(List<(string Word, int Start)> tokens, int from, int to) =>
        string.Join(' ', tokens.Skip(from).Take(to - from + 1).Select(t => t.Word)).Replace(" ,", ",", StringComparison.Ordinal);

    /// <summary>Words (with their dots and apostrophes: "Mr.", "G.K.", "O’Neill") and single punctuation marks.</summary>
    internal static List<(string Word, int Start)> Tokenize(string s, int start, int end)
    {
        var result = new List<(string, int)>();
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsLetterOrDigit(s[j]) || s[j] is '-' or '’' or '\'' || (s[j] == '.' && j + 1 < end && char.IsLetter(s[j + 1]) && j - i <= 2)))
                {
                    j++;
                }

                // Keep the dot of a title, an initial or a dotted acronym ("Mr.", "Gov.", "J.", "U.S."),
                // never a sentence's full stop ("said Mayor Ken Ito.").
                if (j < end && s[j] == '.' && char.IsUpper(c) && (j - i == 1 || s.AsSpan(i, j - i).Contains('.') || TitleAbbreviations.Contains(s[i..j])))
                {
                    j++;
                }

                result.Add((s[i..j], i));
                i = j;
                continue;
            }

            result.Add((c.ToString(), i));
            i++;
        }

        return result;
    }

    [GeneratedRegex(@"^\s*(?:(?:But|And|So|Yet|However|Still|Meanwhile|Later|Earlier|Instead|Also|Now)\b,?\s*)?(?:(?:At|In|On|During|After|Before|When|While|As|Following|Speaking|Asked|Later|Earlier|Since|Under|Over|From|Throughout|Through|Within|With|Without|Despite|Amid|Ahead|Last|By|For|If|Though|Although|Because|Once|Unless|Whether|Even|Until|Like|Unlike|Among|Across|Outside|Inside|Near|Beyond)\b[^,]{0,150},\s*)?")]
    private static partial Regex LeadingAdverbial();
}
