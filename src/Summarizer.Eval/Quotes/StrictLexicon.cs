namespace Summarizer.Eval.Quotes;

/// <summary>
/// The word lists of the strict speaker judge. They are the scorer's own (not the extractor's
/// lexicon), written from the PolNeAR annotation guidelines' notion of a source span, so the judge
/// does not share the system's blind spots.
/// </summary>
internal static class StrictLexicon
{
    /// <summary>Titles and offices before a name; the name is what follows the last of them.</summary>
    public static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "sen", "sens", "senator", "rep", "reps", "representative", "gov", "governor",
        "president", "secretary", "gen", "general", "col", "lt", "capt", "captain", "adm", "admiral", "maj", "sgt", "cmdr", "commander",
        "prof", "professor", "rev", "reverend", "judge", "justice", "mayor", "ambassador", "amb", "atty", "attorney", "del", "delegate",
        "former", "vice", "chairman", "chairwoman", "chair", "speaker", "leader", "sheriff", "commissioner", "director", "sir", "lord",
        "pastor", "rabbi", "nominee", "candidate", "retired", "ret",
        "deputy", "executive", "officer", "ceo", "founder", "anchor", "correspondent", "spokesman", "spokeswoman",
        "spokesperson", "manager", "adviser", "advisor", "aide", "strategist", "pollster", "analyst", "editor", "columnist", "author",
        "lawyer", "economist", "minister", "prime",
    };

    /// <summary>Capitalised words that open a sentence or a headline but are not part of a name.</summary>
    public static readonly HashSet<string> Function = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "but", "and", "or", "so", "yet", "if", "when", "while", "as", "after", "before", "since", "because",
        "although", "though", "meanwhile", "neither", "nor", "either", "then", "also", "still", "now", "here", "there", "why", "how",
        "what", "where", "who", "whom", "which", "this", "that", "these", "those", "his", "her", "their", "our", "my", "its", "your",
        "for", "in", "on", "at", "to", "from", "by", "with", "of", "against", "about", "like", "unlike", "said", "says", "asked",
        "told", "added", "according", "did", "does", "do", "is", "was", "are", "were", "has", "had", "have", "will", "would",
        "could", "should", "can", "may", "might", "not", "no", "yes", "mr", "mrs", "ms", "dear", "even", "only", "just",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "democrat", "democrats", "democratic",
        "republican", "republicans", "gop", "rival", "crooked", "late", "then-candidate", "later", "earlier", "today",
        "yesterday", "tonight", "last", "next", "first", "well", "oh", "please", "thank", "thanks", "again", "instead", "indeed",
    };

    /// <summary>Post-modifiers: the words after which a phrase's head and name are over.</summary>
    public static readonly HashSet<string> PostModifiers = new(StringComparer.Ordinal)
    {
        "of", "for", "in", "at", "with", "from", "on", "to", "who", "whom", "that", "which", "based", "familiar", "close", "speaking",
        "working", "involved", "told", "said", "says", "by", "and", "or", "during", "under", "over", "since", "after", "before",
    };

    public static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "jr", "sr", "ii", "iii", "iv" };

    public static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "i", "we", "it", "him", "her", "them", "me", "us", "you", "his", "hers", "himself", "herself", "themselves", "who", "which", "that",
    };
}
