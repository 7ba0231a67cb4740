namespace Summarizer.Eval.Quotes;

/// <summary>
/// The strict speaker judge (issue 16), written from the PolNeAR annotation semantics before any
/// system error was looked at: a source span denotes one entity, and a prediction is right when
/// it denotes the same one.
/// <list type="number">
/// <item>Both phrases are read as an entity (<see cref="SpeakerEntity.Parse"/>): parentheses
/// ("(R-Utah)") dropped, nicknames kept as aliases, split at commas; the first part that ends in a
/// capitalised run is a <b>name</b> — the words after the last title in that run ("Virginia AFL-CIO
/// President Doris Crouse-Mays" → Doris Crouse-Mays; "Secretary of State John F. Kerry" → John Kerry),
/// initials and suffixes dropped; a part is read only up to its first post-modifier (of, for, at, who …)
/// so "a political scientist at Christopher Newport University" is no name. With no name in any part,
/// the first part's head noun (last word before the post-modifier) makes a <b>description</b>.</item>
/// <item>Names are resolved as the article resolves them (<see cref="ArticleNames.Resolve"/>): a
/// single word ("Cruz", "Mr. Clinton", "PENCE") becomes the person the article writes out with that
/// surname; with several (Ted, Heidi and Rafael Cruz) the one named in an annotated source span,
/// then the one written out most often, then the one written out last before the quote. Gold and
/// prediction are resolved by the same procedure at the same place (the quote).</item>
/// <item>A named gold speaker is matched by a predicted name with the same surname and the same
/// given name (or nickname); a given name may be missing on one side only when the article names
/// nobody else with that surname. A description, an organisation with another last word, or an
/// unresolved pronoun never matches a name.</item>
/// <item>A described gold speaker is matched when one comma part of the prediction is a
/// description with the same head noun ("the Indiana governor" ~ "Indiana's governor"); a name
/// does not match a description (the annotator marked no name, so none can be checked).</item>
/// <item>A pronoun gold speaker is judged against the corpus's automatic coreference name
/// (<see cref="SpeakerMatcher.CorefName"/>), read and resolved as in 1–3.</item>
/// </list>
/// </summary>
public static class StrictSpeakerJudge
{
    public static bool Matches(string gold, string? predicted, int quoteStart, ArticleNames names)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrWhiteSpace(predicted) || StrictLexicon.Pronouns.Contains(predicted.Trim()) || SpeakerEntity.Parse(gold) is not { } g)
        {
            return false;
        }

        if (g.Name is not null)
        {
            return SpeakerEntity.Parse(predicted) is { Name: not null } p && names.Resolve(g, quoteStart).SameAs(names.Resolve(p, quoteStart));
        }

        return predicted.Split([',', ';', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(SpeakerEntity.Parse)
            .Any(e => e is { Name: null, Head: { } head } && head == g.Head);
    }
}
