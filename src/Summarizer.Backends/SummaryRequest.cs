namespace Summarizer.Backends;

/// <summary>What a backend is asked to do with a piece of text.</summary>
public enum SummaryTaskKind
{
    /// <summary>Summarise a whole article that fits the backend in one pass.</summary>
    Brief = 0,

    /// <summary>Summarise one chunk of a long article (the map step).</summary>
    Map = 1,

    /// <summary>Combine partial summaries into one (the reduce step).</summary>
    Reduce = 2,

    /// <summary>Combine the briefs of several articles about one story into one, keeping sources' accounts apart.</summary>
    Combine = 3,
}

/// <summary>One unit of backend work: the text, and how many sentences the answer should have.</summary>
public sealed record SummaryRequest(string Text, string? Title, int TargetSentences, SummaryTaskKind Kind = SummaryTaskKind.Brief);

/// <summary>Tokens a model call consumed, when the provider reports them.</summary>
public sealed record TokenUsage(int InputTokens, int OutputTokens);

/// <summary>A backend's answer: the brief as sentences.</summary>
public sealed record SummaryAnswer(IReadOnlyList<string> Sentences, TokenUsage? Usage = null);

/// <summary>Key-quote selection: the article and the quotes the extractor found in it (the only ones a backend may pick).</summary>
public sealed record QuoteSelectionRequest(string Text, string? Title, IReadOnlyList<Summarizer.Text.Quote> Candidates, int Max);

/// <summary>One quote a backend picked: the candidate's index, and its text (possibly shortened).</summary>
public sealed record ChosenQuote(int Index, string Text);

/// <summary>A backend's unchecked choice of key quotes.</summary>
public sealed record QuoteChoice(IReadOnlyList<ChosenQuote> Quotes, TokenUsage? Usage = null);
