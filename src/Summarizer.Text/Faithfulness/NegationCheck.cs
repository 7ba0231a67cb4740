namespace Summarizer.Text.Faithfulness;

/// <summary>
/// A negation flipped against the sources: a word the brief negates ("was not arrested") that the
/// sources state only without a negation, or a word the sources state only negated that the brief
/// states plainly. Words are compared where both sides say them, so each side's other clauses do not count.
/// </summary>
internal static class NegationCheck
{
    public static void Check(SentenceFacts brief, IReadOnlyList<SentenceFacts> sources, List<FaithfulnessIssue> issues)
    {
        var negated = new HashSet<string>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sources)
        {
            negated.UnionWith(s.Negated);
            plain.UnionWith(s.Plain());
        }

        foreach (var w in brief.Negated)
        {
            if (plain.Contains(w) && !negated.Contains(w))
            {
                issues.Add(new FaithfulnessIssue(IssueKinds.Negation, $"negates '{Surface(brief, w)}', which the sources state without a negation"));
                return;
            }
        }

        var briefPlain = brief.Plain().ToHashSet(StringComparer.Ordinal);
        foreach (var w in negated)
        {
            if (!plain.Contains(w) && briefPlain.Contains(w) && !brief.Negated.Contains(w))
            {
                issues.Add(new FaithfulnessIssue(IssueKinds.Negation, $"states '{Surface(brief, w)}' without the negation the sources give it"));
                return;
            }
        }
    }

    private static string Surface(SentenceFacts s, string key) => s.Words.FirstOrDefault(w => w.Key == key).Surface ?? key;
}
