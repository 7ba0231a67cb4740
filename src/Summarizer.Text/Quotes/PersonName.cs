using Summarizer.Text.Lexicon;

namespace Summarizer.Text;

/// <summary>
/// The person in a speaker phrase as a quote's attribution names them: titles and offices stripped
/// ("Pentagon Spokesperson Commander Jessica McNulty" → given "Jessica", surname "McNulty"), or
/// the surname alone ("McNulty"). Null when the phrase names no person by name ("a spokeswoman",
/// "the company"): such speakers are compared as they are written.
/// </summary>
public sealed record PersonName(string? Given, string Surname)
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV" };

    /// <summary>The person named by <paramref name="speaker"/>, or null.</summary>
    public static PersonName? Parse(string? speaker)
    {
        if (string.IsNullOrWhiteSpace(speaker))
        {
            return null;
        }

        var tokens = NameIndex.StripTitles(speaker.Trim().TrimEnd(',', '.', ';', ':'))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.EndsWith("'s", StringComparison.Ordinal) || t.EndsWith("’s", StringComparison.Ordinal) ? t[..^2] : t)
            .ToList();
        while (tokens.Count > 1 && Suffixes.Contains(tokens[^1].TrimEnd(',')))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count == 0 || tokens.Count > 4 || !tokens.All(IsNameToken))
        {
            return null;
        }

        var surname = tokens[^1];
        return tokens.Count == 1 ? new PersonName(null, surname) : new PersonName(tokens[0], surname);
    }

    /// <summary>A capitalised word, an initial ("F."), or a name particle ("de", "van").</summary>
    private static bool IsNameToken(string token) =>
        token.Length > 0 && (char.IsUpper(token[0]) || QuoteLexicon.NameParticles.Contains(token))
        && token.All(c => char.IsLetter(c) || c is '.' or '-' or '\'' or '’');
}
