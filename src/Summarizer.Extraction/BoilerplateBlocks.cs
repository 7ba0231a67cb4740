using System.Text.RegularExpressions;

namespace Summarizer.Extraction;

/// <summary>
/// Text-level boilerplate rules over the blocks of a candidate, whichever algorithm found it: the
/// comment section and what follows it are cut; link lists, share bars, photo captions and credits,
/// lone dates, "related"/"read more" headings and repeated short blocks are dropped. A paragraph that
/// opens with a quote mark is speech, never a caption or a link line.
/// </summary>
internal static partial class BoilerplateBlocks
{
    /// <summary>A block shorter than this that repeats is chrome (a share bar, a "more" link); a longer one may be the writer's.</summary>
    private const int MaxRepeatedChars = 120;

    public static List<TextBlock> Clean(List<TextBlock> blocks)
    {
        var total = blocks.Sum(b => b.Text.Length);
        var kept = new List<TextBlock>(blocks.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var before = 0;
        foreach (var block in blocks)
        {
            var text = block.Text;
            // The comment section starts with its heading ("12 Comments", "Leave a reply"); past
            // the article's first half nothing after it is the article.
            if (before > total * 0.3 && text.Length < 80 && CommentsHeading().IsMatch(text))
            {
                break;
            }

            before += text.Length;
            if (IsBoilerplate(block) || (text.Length is > 20 and < MaxRepeatedChars && !seen.Add(text)))
            {
                continue;
            }

            kept.Add(block);
        }

        // What trails the article's last sentence (a short line with no sentence end: a signature
        // block, a tag line, a "more from" heading) is chrome.
        var hasSentences = kept.Exists(b => b.Text.Length >= TrailingChars && EndsSentence(b.Text));
        while (hasSentences && kept[^1].Text.Length < TrailingChars && !EndsSentence(kept[^1].Text))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept;
    }

    private const int TrailingChars = 100;

    private static bool EndsSentence(string text) =>
        text.TrimEnd().TrimEnd('"', '\u201D', '\u201C', '\u00BB', '\u00AB', '\'', ')') is [.., var last] && ".!?\u3002\uFF01\uFF1F".Contains(last);

    internal static bool IsBoilerplate(TextBlock block)
    {
        var text = block.Text;
        if (OpensWithQuote(text) && text.Length > 40)
        {
            return block.LinkDensity > 0.8;
        }

        if (block.LinkDensity > 0.75 && text.Length < 300)
        {
            return true;
        }

        if (text.Length > 160)
        {
            return false;
        }

        return (block.LinkDensity > 0.5 && text.Length < 80)
            || ShareBar().IsMatch(text)
            || Credit().IsMatch(text)
            || (text.Length < 60 && DateLine().IsMatch(text))
            || (text.Length < 70 && RelatedHeading().IsMatch(text))
            || (text.Length < 80 && Chrome().IsMatch(text));
    }

    private static bool OpensWithQuote(string text) => text.Length > 0 && text[0] is '"' or '\u201C' or '\u201E' or '\u00AB' or '\u00BB' or '\u2018' or '\u201A' or '\u2039' or '\u300C' or '\'';

    [GeneratedRegex(@"^(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|responses?|replies|leave a (?:reply|comment)|post a comment|add (?:a )?comment|join the (?:discussion|conversation)|schreibe einen kommentar|kommentar schreiben|kommentieren|diskutieren sie mit|laisser un commentaire|deja un comentario|lascia un commento|discussion)\b.{0,40}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentsHeading();

    [GeneratedRegex(@"^(?:(?:share|teilen|partager|compartir|condividi|delen|tweet|twitter|facebook|whatsapp|linkedin|xing|pinterest|reddit|telegram|e-?mail|email|mail|print|drucken|imprimer|copy link|link kopieren|messenger|flipboard|pocket|x)(?:\s*(?:on|this|article|artikel|via|auf|sur)\b)?[\s|:,/·•]*){1,12}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareBar();

    [GeneratedRegex(@"^(?:(?:photo|photos|foto|fotos|image|images|bild|bilder|picture|pictures|credit|credits|source|quelle|copyright|crédits?(?: photos?)?|photographie|grafik|illustration|video|titelbild|beitragsbild)\s*(?:by|von|:|©|\()|©|\(c\)|(?:photograph|photo|illustration|image) by\b)|(?:getty images|shutterstock(?:\.com)?|istock(?:photo)?|reuters|afp|dpa|picture alliance|imago|ap photo|keystone|epa)\s*\)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"^(?:(?:published|updated|posted|veröffentlicht|aktualisiert|erstellt|stand|publié|mis à jour|publicado|actualizado|pubblicato)(?: am| on| le| el| il)?\s*:?\s*)?(?:\w+,?\s+)?(?:\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})(?:\s*(?:[,|-]|um|at|à)?\s*\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)?\s*$|^\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?:related(?: (?:articles?|stories|posts|coverage|content|news|topics))?|read (?:more|next|also)|see also|more (?:from|on|about|stories|news|articles)\b.*|you (?:may|might) also (?:like|be interested)\b.*|recommended(?: for you)?|most (?:read|popular|viewed)|trending|popular (?:posts|stories)|auch interessant|das könnte (?:sie|dich) auch interessieren.*|mehr zum thema.*|weitere (?:artikel|beiträge|themen|nachrichten).*|lesen sie auch.*|lies auch.*|ähnliche beiträge|empfohlene beiträge|verwandte artikel|à lire aussi|lire aussi|sur le même sujet|leer más|lee también|ver también|noticias relacionadas|artículos relacionados|leggi anche|articoli correlati|lees ook|gerelateerd)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedHeading();

    [GeneratedRegex(@"^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|sponsored|-\s*anzeige\s*-|all rights reserved.*|alle rechte vorbehalten.*|tous droits réservés.*|click here.*|klicken sie hier.*|sign up.*newsletter.*|subscribe to (?:our|the) newsletter.*|newsletter abonnieren|abonniere unseren newsletter|skip to (?:main )?content|back to top|nach oben|zurück|back|loading.*|weiterlesen|read more|continue reading|mehr lesen|lire la suite|leer más|tags?:.*|schlagwörter:.*|themen:.*|kategorien?:.*|categories:.*|filed under:?.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Chrome();
}
