using AngleSharp.Html.Dom;

namespace Summarizer.Extraction;

/// <summary>Facts about the whole page the quality gate weighs, read before any candidate changes the DOM.</summary>
internal sealed record PageSignals(bool DeclaredNotFree, bool HasPaywallElement, int JsonLdBodyChars)
{
    public static PageSignals Read(IHtmlDocument document, JsonLdArticle? jsonLd)
    {
        var paywall = document.QuerySelector("[class*=paywall], [id*=paywall], [class*=subscriber-only], [class*=premium-content], [class*=metered]") is not null;
        return new PageSignals(jsonLd?.AccessibleForFree == false, paywall, jsonLd?.Body?.Length ?? 0);
    }
}
