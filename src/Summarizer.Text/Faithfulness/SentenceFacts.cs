namespace Summarizer.Text.Faithfulness;

/// <summary>
/// What the checker needs of one sentence, read once: its words, its content-word keys (for
/// alignment), every word key (for names), its facts, and which content words a negation governs.
/// </summary>
internal sealed class SentenceFacts
{
    /// <summary>How many content words after a negation cue it governs ("was not arrested", "never went home").</summary>
    private const int NegationScope = 2;

    private SentenceFacts(TextSpan span, List<Word> words, List<Fact> facts)
    {
        Span = span;
        Words = words;
        Facts = facts;
        foreach (var w in words)
        {
            AllKeys.Add(w.Key);
            if (w.Content)
            {
                ContentKeys.Add(w.Key);
                if (!facts.Any(f => f.Start <= w.Start && w.End <= f.End))
                {
                    AlignKeys.Add(w.Key);
                }
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].Negation || IsNumberSign(words, i))
            {
                continue;
            }

            NegationCount++;
            var governed = 0;
            for (var j = i + (words[i].Content ? 0 : 1); j < words.Count && governed < NegationScope; j++)
            {
                if (ClauseBreak(words, j))
                {
                    break;
                }

                if (words[j].Content && !InName(words[j]))
                {
                    Negated.Add(words[j].Key);
                    governed++;
                }
            }
        }
    }

    public TextSpan Span { get; }

    public List<Word> Words { get; }

    public List<Fact> Facts { get; }

    public HashSet<string> ContentKeys { get; } = new(StringComparer.Ordinal);

    public HashSet<string> AllKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Content words that are no part of a fact (number, date, name): what alignment matches on, so
    /// a sentence is never chosen as support for holding the very name or number being checked.
    /// </summary>
    public HashSet<string> AlignKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Content words governed by a negation cue.</summary>
    public HashSet<string> Negated { get; } = new(StringComparer.Ordinal);

    public int NegationCount { get; private set; }

    /// <summary>Content words said without a negation (a word may be both, in two clauses).</summary>
    public IEnumerable<string> Plain()
    {
        for (var i = 0; i < Words.Count; i++)
        {
            if (Words[i].Content && !InName(Words[i]) && !IsGoverned(i))
            {
                yield return Words[i].Key;
            }
        }
    }

    private bool IsGoverned(int index)
    {
        var governed = 0;
        for (var i = index - 1; i >= 0 && governed <= NegationScope; i--)
        {
            if (ClauseBreak(Words, i + 1))
            {
                return false;
            }

            if (Words[i].Negation && !IsNumberSign(Words, i))
            {
                return true;
            }

            if (Words[i].Content && !InName(Words[i]))
            {
                governed++;
                if (governed >= NegationScope)
                {
                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A negation says a verb or description did not hold; it never negates a name ("not against
    /// Atletico" and "against Atletico" name the same club), so names are neither governed nor counted in its reach.
    /// </summary>
    private bool InName(Word w) => Facts.Any(f => f.Kind == FactKind.Entity && f.Start <= w.Start && w.End <= f.End);

    /// <summary>"No 1", "No. 10": "no" before a number is the number sign, not a negation.</summary>
    private static bool IsNumberSign(List<Word> words, int i) =>
        words[i].Key == "no" && i + 1 < words.Count && words[i + 1].IsNumber;

    /// <summary>"but", "while", "although" or a clause-ending mark before word <paramref name="j"/> ends a negation's reach.</summary>
    private static bool ClauseBreak(List<Word> words, int j) =>
        j < words.Count && words[j].Key is "but" or "while" or "although" or "though" or "however" or "instead" or "yet";

    public static SentenceFacts Read(string text, TextSpan span, Func<string, bool> isCommon)
    {
        var words = Faithfulness.Words.Read(text, span.Start, span.End);
        var facts = new List<Fact>();
        NumberFacts.Extract(text, words, facts);
        DateFacts.Extract(text, words, facts);
        EntityFacts.Extract(text, words, isCommon, facts);
        return new SentenceFacts(span, words, facts);
    }
}
