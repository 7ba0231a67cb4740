using Summarizer.Contracts;

namespace Summarizer.Backends;

/// <summary>One unit of backend work: the text, and what is wanted of it (kind, preset, sentences).</summary>
public sealed record SummaryRequest(string Text, string? Title, SummaryTarget Target);

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
