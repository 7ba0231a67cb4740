namespace Summarizer.Text.Faithfulness;

/// <summary>
/// The receipt of one brief: for every sentence, the article sentences that support it and what
/// the check found unsupported. <see cref="Supported"/> + <see cref="Flagged"/> = the sentence count.
/// </summary>
public sealed record FaithfulnessReceipt(int Supported, int Flagged, IReadOnlyList<SentenceReceipt> Sentences)
{
    public static FaithfulnessReceipt Of(IReadOnlyList<SentenceReceipt> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var flagged = sentences.Count(s => s.Flagged);
        return new FaithfulnessReceipt(sentences.Count - flagged, flagged, sentences);
    }
}

/// <summary>
/// One brief sentence: its supporting spans in the normalised article text (<see cref="Sources"/>,
/// in article order), the support score (share of its content words found in them, 0–1) and the
/// issues found. A sentence with no issue is supported.
/// </summary>
public sealed record SentenceReceipt(string Text, double Support, IReadOnlyList<TextSpan> Sources, IReadOnlyList<FaithfulnessIssue> Issues)
{
    public bool Flagged => Issues.Count > 0;
}

/// <summary>One problem with a brief sentence: its <see cref="IssueKinds">kind</see> and what exactly is unsupported.</summary>
public sealed record FaithfulnessIssue(string Kind, string Detail);

/// <summary>The kinds of <see cref="FaithfulnessIssue"/>, as they appear on the wire.</summary>
public static class IssueKinds
{
    /// <summary>A number or quantity (digits, number words, percentages, money, units) not in the supporting sentences.</summary>
    public const string Number = "number";

    /// <summary>A month, weekday or year not in the supporting sentences.</summary>
    public const string Date = "date";

    /// <summary>A name (person, place, organisation) not in the supporting sentences or their neighbours.</summary>
    public const string Entity = "entity";

    /// <summary>A negation added or dropped against the supporting sentences.</summary>
    public const string Negation = "negation";

    /// <summary>Words in quotation marks that the article does not contain verbatim.</summary>
    public const string Quote = "quote";

    /// <summary>A quote attributed to someone other than the speaker the article gives it.</summary>
    public const string Speaker = "speaker";

    /// <summary>Too few of the sentence's content words are in any article sentence.</summary>
    public const string Unsupported = "unsupported";

    public static IReadOnlyList<string> All { get; } = [Number, Date, Entity, Negation, Quote, Speaker, Unsupported];
}
