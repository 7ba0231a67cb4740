namespace Summarizer.Eval.Rouge;

/// <summary>
/// The Porter (1980) stemmer with the NLTK extensions (NLTK's default <c>NLTK_EXTENSIONS</c> mode),
/// which is what Google's rouge-score uses. Ported rule for rule so ROUGE figures are comparable
/// with published ones: the irregular-form pool, <c>ies</c>/<c>ied</c> on four-letter words, the
/// step 1c consonant condition, <c>alli</c> first in step 2, and the <c>fulli</c>/<c>logi</c> rules.
/// Input is expected in lower case.
/// </summary>
public static class PorterStemmer
{
    private static readonly Dictionary<string, string> Pool = new(StringComparer.Ordinal)
    {
        ["sky"] = "sky", ["skies"] = "sky",
        ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["news"] = "news",
        ["innings"] = "inning", ["inning"] = "inning",
        ["outings"] = "outing", ["outing"] = "outing",
        ["cannings"] = "canning", ["canning"] = "canning",
        ["howe"] = "howe",
        ["proceed"] = "proceed", ["exceed"] = "exceed", ["succeed"] = "succeed",
    };

    private delegate bool Condition(string stem);

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Pool.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (word.Length <= 2)
        {
            return word;
        }

        var s = Step1A(word);
        s = Step1B(s);
        s = Step1C(s);
        s = Step2(s);
        s = Step3(s);
        s = Step4(s);
        s = Step5A(s);
        s = Step5B(s);
        return s;
    }

    private static bool IsConsonant(string w, int i)
    {
        var c = w[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            return false;
        }

        if (c == 'y')
        {
            return i == 0 || !IsConsonant(w, i - 1);
        }

        return true;
    }

    /// <summary>m in [C](VC)^m[V]: the number of vowel-consonant transitions.</summary>
    internal static int Measure(string stem)
    {
        var m = 0;
        var previousVowel = false;
        for (var i = 0; i < stem.Length; i++)
        {
            var consonant = IsConsonant(stem, i);
            if (consonant && previousVowel)
            {
                m++;
            }

            previousVowel = !consonant;
        }

        return m;
    }

    private static bool PositiveMeasure(string stem) => Measure(stem) > 0;

    private static bool MeasureAboveOne(string stem) => Measure(stem) > 1;

    private static bool ContainsVowel(string stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (!IsConsonant(stem, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsDoubleConsonant(string w) =>
        w.Length >= 2 && w[^1] == w[^2] && IsConsonant(w, w.Length - 1);

    private static bool EndsCvc(string w) =>
        (w.Length >= 3
         && IsConsonant(w, w.Length - 3)
         && !IsConsonant(w, w.Length - 2)
         && IsConsonant(w, w.Length - 1)
         && w[^1] is not ('w' or 'x' or 'y'))
        || (w.Length == 2 && !IsConsonant(w, 0) && IsConsonant(w, 1));

    /// <summary>
    /// NLTK's <c>_apply_rule_list</c>: the first rule whose suffix matches decides; when its
    /// condition fails the word is returned unchanged and no later rule is tried.
    /// </summary>
    private static string ApplyRules(string word, (string Suffix, string Replacement, Condition? Condition)[] rules)
    {
        foreach (var (suffix, replacement, condition) in rules)
        {
            if (suffix == "*d")
            {
                if (EndsDoubleConsonant(word))
                {
                    var stem2 = word[..^2];
                    return condition is null || condition(stem2) ? stem2 + replacement : word;
                }

                continue;
            }

            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                return condition is null || condition(stem) ? stem + replacement : word;
            }
        }

        return word;
    }

    private static string Step1A(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length == 4)
        {
            return word[..^3] + "ie";
        }

        return ApplyRules(word, [("sses", "ss", null), ("ies", "i", null), ("ss", "ss", null), ("s", "", null)]);
    }

    private static string Step1B(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal))
        {
            return word.Length == 4 ? word[..^3] + "ie" : word[..^3] + "i";
        }

        if (word.EndsWith("eed", StringComparison.Ordinal))
        {
            var stem = word[..^3];
            return Measure(stem) > 0 ? stem + "ee" : word;
        }

        string? intermediate = null;
        foreach (var suffix in (string[])["ed", "ing"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var candidate = word[..^suffix.Length];
                if (ContainsVowel(candidate))
                {
                    intermediate = candidate;
                    break;
                }
            }
        }

        if (intermediate is null)
        {
            return word;
        }

        var last = intermediate[^1];
        return ApplyRules(intermediate,
        [
            ("at", "ate", null),
            ("bl", "ble", null),
            ("iz", "ize", null),
            ("*d", last.ToString(), _ => last is not ('l' or 's' or 'z')),
            ("", "e", stem => Measure(stem) == 1 && EndsCvc(stem)),
        ]);
    }

    private static string Step1C(string word) =>
        ApplyRules(word, [("y", "i", stem => stem.Length > 1 && IsConsonant(stem, stem.Length - 1))]);

    private static string Step2(string word)
    {
        if (word.EndsWith("alli", StringComparison.Ordinal) && PositiveMeasure(word[..^4]))
        {
            return Step2(word[..^4] + "al");
        }

        return ApplyRules(word,
        [
            ("ational", "ate", PositiveMeasure),
            ("tional", "tion", PositiveMeasure),
            ("enci", "ence", PositiveMeasure),
            ("anci", "ance", PositiveMeasure),
            ("izer", "ize", PositiveMeasure),
            ("bli", "ble", PositiveMeasure),
            ("alli", "al", PositiveMeasure),
            ("entli", "ent", PositiveMeasure),
            ("eli", "e", PositiveMeasure),
            ("ousli", "ous", PositiveMeasure),
            ("ization", "ize", PositiveMeasure),
            ("ation", "ate", PositiveMeasure),
            ("ator", "ate", PositiveMeasure),
            ("alism", "al", PositiveMeasure),
            ("iveness", "ive", PositiveMeasure),
            ("fulness", "ful", PositiveMeasure),
            ("ousness", "ous", PositiveMeasure),
            ("aliti", "al", PositiveMeasure),
            ("iviti", "ive", PositiveMeasure),
            ("biliti", "ble", PositiveMeasure),
            ("fulli", "ful", PositiveMeasure),
            // NLTK keeps the 'l' of 'logi' with the stem, so 'geo'/'theo' behave like 'archaeo'.
            ("logi", "log", _ => PositiveMeasure(word[..^3])),
        ]);
    }

    private static string Step3(string word) =>
        ApplyRules(word,
        [
            ("icate", "ic", PositiveMeasure),
            ("ative", "", PositiveMeasure),
            ("alize", "al", PositiveMeasure),
            ("iciti", "ic", PositiveMeasure),
            ("ical", "ic", PositiveMeasure),
            ("ful", "", PositiveMeasure),
            ("ness", "", PositiveMeasure),
        ]);

    private static string Step4(string word) =>
        ApplyRules(word,
        [
            ("al", "", MeasureAboveOne),
            ("ance", "", MeasureAboveOne),
            ("ence", "", MeasureAboveOne),
            ("er", "", MeasureAboveOne),
            ("ic", "", MeasureAboveOne),
            ("able", "", MeasureAboveOne),
            ("ible", "", MeasureAboveOne),
            ("ant", "", MeasureAboveOne),
            ("ement", "", MeasureAboveOne),
            ("ment", "", MeasureAboveOne),
            ("ent", "", MeasureAboveOne),
            ("ion", "", stem => Measure(stem) > 1 && stem[^1] is ('s' or 't')),
            ("ou", "", MeasureAboveOne),
            ("ism", "", MeasureAboveOne),
            ("ate", "", MeasureAboveOne),
            ("iti", "", MeasureAboveOne),
            ("ous", "", MeasureAboveOne),
            ("ive", "", MeasureAboveOne),
            ("ize", "", MeasureAboveOne),
        ]);

    private static string Step5A(string word)
    {
        if (word.EndsWith('e'))
        {
            var stem = word[..^1];
            var m = Measure(stem);
            if (m > 1 || (m == 1 && !EndsCvc(stem)))
            {
                return stem;
            }
        }

        return word;
    }

    private static string Step5B(string word) =>
        ApplyRules(word, [("ll", "l", _ => Measure(word[..^1]) > 1)]);
}
