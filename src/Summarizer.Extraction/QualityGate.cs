using System.Text.RegularExpressions;

namespace Summarizer.Extraction;

/// <summary>
/// Says when extracted text is not an article to summarise: empty; a teaser (a few lines and a
/// "read more" link); a paywall stub (a few lines and a subscribe prompt, or a page that declares
/// itself not free and shows little); a cookie wall (the text is mostly a consent prompt).
/// </summary>
internal static partial class QualityGate
{
    /// <summary>A paywall or cookie prompt may sit beside text up to this long and still be all there is.</summary>
    private const int StubChars = 1500;

    public static ExtractionRejection? Check(string text, PageSignals page, ExtractionOptions options)
    {
        var chars = LettersAndDigits(text);
        var paywallPrompt = PaywallPrompt().IsMatch(text);
        if (chars < StubChars && CookieWords().Count(text) >= 3 && CookieShare(text) > 0.3)
        {
            return new(RejectionReasons.CookieWall, "The page shows a cookie or consent prompt instead of the article.");
        }

        if (chars < StubChars && (paywallPrompt || (page.DeclaredNotFree && chars < options.MinArticleChars * 3) || (page.HasPaywallElement && chars < options.MinArticleChars)))
        {
            return new(RejectionReasons.Paywall, "The page shows only the start of a subscriber article.");
        }

        if (chars < options.MinArticleChars && page.HasConsentElement)
        {
            return new(RejectionReasons.CookieWall, "The page shows a cookie or consent prompt and no article.");
        }

        if (chars == 0)
        {
            return new(RejectionReasons.Empty, "No article text was found in the page.");
        }

        if (chars < options.MinArticleChars)
        {
            return TeaserLink().IsMatch(text) || page.HasReadMoreLink || chars >= options.MinArticleChars / 2
                ? new(RejectionReasons.Teaser, $"The page holds only a teaser ({chars} letters), not an article.")
                : new(RejectionReasons.Empty, $"The page holds almost no text ({chars} letters).");
        }

        if (chars < StubChars && TeaserLink().IsMatch(text) && Paragraphs(text) <= 2)
        {
            return new(RejectionReasons.Teaser, "The page holds a summary and a link to the article, not the article.");
        }

        return null;
    }

    internal static int LettersAndDigits(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return n;
    }

    private static int Paragraphs(string text) => text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The share of paragraphs (by length) that speak of cookies, consent or tracking.</summary>
    private static double CookieShare(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var total = paragraphs.Sum(p => p.Length);
        var cookie = paragraphs.Where(p => CookieWords().IsMatch(p)).Sum(p => p.Length);
        return total == 0 ? 0 : (double)cookie / total;
    }

    [GeneratedRegex(@"\b(cookies?|consent|tracking|einwilligung|zustimm\w*|datenschutz\w*|accepter|acepto|aceptar|akzeptieren|partners?|GDPR|DSGVO|RGPD)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CookieWords();

    [GeneratedRegex(@"(subscribe (now )?to (continue|read|keep|unlock)|to continue reading|already a subscriber|subscribers only|for subscribers|this (article|content|story) is (only )?(available|reserved|exclusive) (to|for) (subscribers|members)|sign in to (read|continue)|log in to (read|continue)|become a (member|subscriber) to|unlock (this|the full) (article|story)|weiterlesen mit|jetzt (abonnieren|abo)|nur für abonnenten|mit (z\+|plus|abo) lesen|réservé aux abonnés|abonnez-vous pour|suscríbete para (seguir|continuar)|contenido exclusivo para suscriptores|riservato agli abbonati)", RegexOptions.IgnoreCase)]
    private static partial Regex PaywallPrompt();

    [GeneratedRegex(@"(read more|continue reading|read the (full|whole|rest)|full (story|article)|weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo|leggi tutto|lees meer)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex TeaserLink();
}
