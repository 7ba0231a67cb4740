using Summarizer.Contracts;

namespace Summarizer.Api;

/// <summary>A supporting span <c>[start, end)</c> of the normalised text (<c>GET /v1/articles/{id}/text</c>); in a collection's combined brief, of <see cref="ArticleId"/>'s text (else null).</summary>
public sealed record ReceiptSourceResponse(int Start, int End, string? ArticleId);

/// <summary>One unsupported part of a sentence: <c>number</c>, <c>date</c>, <c>entity</c>, <c>negation</c>, <c>quote</c>, <c>speaker</c> or <c>unsupported</c>, and what exactly.</summary>
public sealed record ReceiptIssueResponse(string Kind, string Detail);

/// <summary>One brief sentence, its supporting spans, its support (share of its content words found there, 0–1) and its issues (none: supported).</summary>
public sealed record ReceiptSentenceResponse(string Text, double Support, IReadOnlyList<ReceiptSourceResponse> Sources, IReadOnlyList<ReceiptIssueResponse> Issues);

/// <summary>
/// The faithfulness receipt of a brief: <see cref="Sentences"/> in brief order (supported + flagged of
/// them). <see cref="Verify"/> is <c>off</c> or <c>strict</c>; with <c>strict</c> the flagged sentences
/// were left out of the brief and are listed in <see cref="Dropped"/> (null when off).
/// </summary>
public sealed record FaithfulnessResponse(
    int Supported, int Flagged, IReadOnlyList<ReceiptSentenceResponse> Sentences, string Verify, IReadOnlyList<ReceiptSentenceResponse>? Dropped);

internal static class FaithfulnessMapping
{
    public static FaithfulnessResponse? ToResponse(this Receipt? r, bool strict) =>
        r is null ? null : new(r.Supported, r.Flagged, [.. r.Sentences.Select(ToResponse)], strict ? "strict" : "off", r.Dropped?.Select(ToResponse).ToList());

    private static ReceiptSentenceResponse ToResponse(ReceiptSentence s) =>
        new(s.Text, s.Support, [.. s.Sources.Select(x => new ReceiptSourceResponse(x.Start, x.End, x.ArticleId))], [.. s.Issues.Select(i => new ReceiptIssueResponse(i.Kind, i.Detail))]);

    /// <summary>The brief as the request asked for it: as computed, or without its flagged sentences (<c>verify=strict</c>).</summary>
    public static Brief Verified(this Brief brief, bool strict) => strict ? brief.WithoutFlagged() : brief;
}
