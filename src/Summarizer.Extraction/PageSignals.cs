using AngleSharp.Html.Dom;

namespace Summarizer.Extraction;

/// <summary>Facts about the whole page the quality gate weighs, read before any candidate changes the DOM.</summary>
internal sealed record PageSignals(bool DeclaredNotFree, bool HasPaywallElement, bool HasConsentElement, bool HasReadMoreLink, int JsonLdBodyChars)
{
    public static PageSignals Read(IHtmlDocument document, JsonLdArticle? jsonLd)
    {
        var paywall = document.QuerySelector("[class*=paywall], [id*=paywall], [class*=subscriber-only], [class*=premium-content], [class*=metered]") is not null;
        // The boilerplate rules drop a consent banner from every candidate; the gate still needs to know it was there.
        var consent = document.QuerySelector("[class*=cookie], [id*=cookie], [class*=consent], [id*=consent], [class*=gdpr], [id*=gdpr]") is not null;
        // Likewise a "read more" link: the rules drop it as chrome, but beside a few lines it makes them a teaser.
        var readMore = document.QuerySelectorAll("a").Any(a => a.TextContent is { Length: < 60 } t && QualityGate.TeaserLink().IsMatch(t));
        return new PageSignals(jsonLd?.AccessibleForFree == false, paywall, consent, readMore, jsonLd?.Body?.Length ?? 0);
    }
}
