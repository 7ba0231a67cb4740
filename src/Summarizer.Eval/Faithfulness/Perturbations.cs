using System.Text.RegularExpressions;

namespace Summarizer.Eval.Faithfulness;

/// <summary>One unfaithful copy of a sentence: what kind of fact was changed, from what to what.</summary>
public sealed record Perturbation(string Kind, string Sentence, string Original, string Replacement);

/// <summary>
/// Makes unfaithful copies of a summary sentence by swapping one fact for another of the same kind
/// taken from the same article (a number, a name, a date, a speaker), or by flipping a negation.
/// The recognisers here are deliberately independent of the checker's (plain regular expressions),
/// so recall is not measured only on what the checker already recognises. The replacement never
/// occurs in the original sentence, so the copy really states something else. Deterministic: the
/// choices come from a seed made of the article id, the sentence and the kind.
/// </summary>
public static partial class Perturbations
{
    public const string Number = "number";
    public const string Entity = "entity";
    public const string Date = "date";
    public const string Negation = "negation";
    public const string Speaker = "speaker";

    public static IReadOnlyList<string> Kinds { get; } = [Number, Entity, Date, Negation, Speaker];

    public static IEnumerable<Perturbation> All(string articleId, string article, string sentence)
    {
        foreach (var kind in Kinds)
        {
            if (Make(kind, articleId, article, sentence) is { } p)
            {
                yield return p;
            }
        }
    }

    public static Perturbation? Make(string kind, string articleId, string article, string sentence)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(sentence);
        var random = new Random(Seed($"{articleId}\u0001{sentence}\u0001{kind}"));
        return kind switch
        {
            Number => Swap(kind, sentence, NumberPattern(), NumberPattern().Matches(article), random, SameNumberStyle),
            Date => Swap(kind, sentence, DatePattern(), DatePattern().Matches(article), random, SameDateClass),
            Entity => Swap(kind, sentence, NamePattern(), NamePattern().Matches(article), random,
                (a, b) => !IsDateWord(a) && !IsDateWord(b) && WordCount(a) == WordCount(b) && IsName(article, b), isTarget: m => IsNameAt(sentence, m.Index, m.Value, article)),
            Speaker => SwapSpeaker(sentence, article, random),
            Negation => FlipNegation(sentence, random),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown perturbation kind"),
        };
    }

    private static Perturbation? Swap(string kind, string sentence, Regex pattern, MatchCollection pool, Random random, Func<string, string, bool> compatible, Func<Match, bool>? isTarget = null)
    {
        var targets = pattern.Matches(sentence).Where(m => isTarget is null || isTarget(m)).ToList();

        if (targets.Count == 0)
        {
            return null;
        }

        var target = targets[random.Next(targets.Count)];
        var candidates = pool.Select(m => m.Value).Distinct(StringComparer.Ordinal)
            .Where(v => compatible(target.Value, v) && !sentence.Contains(v, StringComparison.OrdinalIgnoreCase) && !Overlaps(v, target.Value))
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var replacement = candidates[random.Next(candidates.Count)];
        return new Perturbation(kind, string.Concat(sentence.AsSpan(0, target.Index), replacement, sentence.AsSpan(target.Index + target.Length)), target.Value, replacement);
    }

    /// <summary>The speaker of an attribution ("Smith said", "said Smith", "according to Smith") swapped for another person of the article.</summary>
    private static Perturbation? SwapSpeaker(string sentence, string article, Random random)
    {
        var targets = Attribution().Matches(sentence).Select(m => m.Groups["name"]).Where(g => g.Success && g.Length > 0).ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        var target = targets[random.Next(targets.Count)];
        var people = PersonPattern().Matches(article).Select(m => m.Value).Distinct(StringComparer.Ordinal)
            .Where(p => !IsDateWord(p) && IsName(article, p) && !sentence.Contains(p, StringComparison.Ordinal) && !Overlaps(p, target.Value))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        if (people.Count == 0)
        {
            return null;
        }

        var replacement = people[random.Next(people.Count)];
        return new Perturbation(Speaker, string.Concat(sentence.AsSpan(0, target.Index), replacement, sentence.AsSpan(target.Index + target.Length)), target.Value, replacement);
    }

    /// <summary>Removes a negation the sentence has, or adds "not" after an auxiliary.</summary>
    private static Perturbation? FlipNegation(string sentence, Random random)
    {
        var negations = NegationPattern().Matches(sentence).ToList();
        var auxiliaries = AuxiliaryPattern().Matches(sentence).ToList();
        if (negations.Count == 0 && auxiliaries.Count == 0)
        {
            return null;
        }

        if (negations.Count > 0 && (auxiliaries.Count == 0 || random.Next(2) == 0))
        {
            var m = negations[random.Next(negations.Count)];
            var kept = m.Groups["keep"].Value;
            return new Perturbation(Negation, string.Concat(sentence.AsSpan(0, m.Index), kept, sentence.AsSpan(m.Index + m.Length)), m.Value, kept);
        }

        var a = auxiliaries[random.Next(auxiliaries.Count)];
        var end = a.Index + a.Length;
        return new Perturbation(Negation, string.Concat(sentence.AsSpan(0, end), " not", sentence.AsSpan(end)), a.Value, a.Value + " not");
    }

    private static bool SameNumberStyle(string a, string b)
    {
        var digitsA = char.IsDigit(a[0]);
        return digitsA == char.IsDigit(b[0]) && !string.Equals(a, b, StringComparison.OrdinalIgnoreCase) && !IsYear(b) && !IsYear(a);
    }

    private static bool SameDateClass(string a, string b) => DateClass(a) == DateClass(b) && !string.Equals(a, b, StringComparison.Ordinal);

    private static int DateClass(string s) => IsYear(s) ? 0 : Weekdays.Contains(s) ? 1 : 2;

    private static bool IsYear(string s) => s.Length == 4 && s.All(char.IsDigit) && s[0] is '1' or '2';

    private static bool IsDateWord(string s) => s.Split(' ').Any(w => Weekdays.Contains(w) || Months.Contains(w));

    /// <summary>
    /// A name, not a capitalised common word: written somewhere in the article where a word need not be
    /// capitalised (mid-sentence), and its first word never written in lower case ("After", "Still" are no names).
    /// </summary>
    private static bool IsName(string article, string value)
    {
        for (var at = article.IndexOf(value, StringComparison.Ordinal); at >= 0; at = article.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            if (IsNameAt(article, at, value, article))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameAt(string text, int at, string value, string article)
    {
        if (IsDateWord(value))
        {
            return false;
        }

        var k = at - 1;
        while (k >= 0 && text[k] == ' ')
        {
            k--;
        }

        if (k < 0 || text[k] is '.' or '!' or '?' or ':' or '"' or '“' or '‘' or '\'' or '(' or '\n' or '—' or '-')
        {
            return false;
        }

        var first = value.Split(' ')[0];
        var lower = first.ToLowerInvariant();
        return !CommonWord(article, lower);
    }

    private static bool CommonWord(string article, string lower)
    {
        for (var at = article.IndexOf(lower, StringComparison.Ordinal); at >= 0; at = article.IndexOf(lower, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : article[at - 1];
            var after = at + lower.Length < article.Length ? article[at + lower.Length] : ' ';
            if (!char.IsLetter(before) && !char.IsLetter(after))
            {
                return true;
            }
        }

        return false;
    }

    private static int WordCount(string s) => s.Count(c => c == ' ') + 1;

    /// <summary>"Locke" inside "Gary Locke": not another name.</summary>
    private static bool Overlaps(string a, string b)
    {
        var x = a.Split(' ');
        var y = b.Split(' ');
        return x.Any(w => y.Contains(w, StringComparer.OrdinalIgnoreCase));
    }

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal) { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    private static int Seed(string key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = unchecked((h ^ c) * 16777619u);
        }

        return (int)(h & 0x7fffffff);
    }

    [GeneratedRegex(@"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w,]*\d)|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    /// <summary>A run of capitalised words (a name, place or organisation).</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+)*\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Two or three capitalised words: a person's name, as a speaker to swap in.</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+){1,2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"(?<name>\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}),?[ ](?:has[ ])?(?:said|says|told|added|explained|insisted|claimed|warned|stated|admitted|revealed|wrote|tweeted)\b|\b(?:said|says|told|added|according[ ]to)[ ](?<name>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"(?<keep>\b(?:is|was|are|were|do|does|did|has|have|had|could|would|should|will|can|must))[ ]not\b|(?<keep>\b(?:is|was|are|were|does|did|has|have|had|could|would|should))n[’']t\b|(?<keep>)\bnever[ ]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NegationPattern();

    [GeneratedRegex(@"\b(?:is|was|are|were|has|have|had|will|would|can|could|should|must|may|might)\b(?![ ]not\b|n[’']t)(?=[ ][a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex AuxiliaryPattern();
}
