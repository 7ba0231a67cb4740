namespace Summarizer.Text;

/// <summary>
/// Reporting verbs that attribute a quotation, in every inflection ("say", "says", "said",
/// "saying"), plus verbs that frame a quoted phrase ("called it", "described as", "dismissed").
/// </summary>
internal static class Cues
{
    private static readonly string[] Regular =
    [
        "add", "ask", "insist", "explain", "note", "state", "argue", "declare", "warn", "continue", "recall", "reply",
        "respond", "claim", "call", "describe", "dub", "label", "brand", "term", "cite", "accuse", "promise", "vow",
        "pledge", "urge", "announce", "report", "suggest", "admit", "acknowledge", "deny", "concede", "predict", "boast",
        "complain", "charge", "contend", "assert", "maintain", "allege", "mock", "dismiss", "praise", "criticize",
        "blast", "slam", "quip", "joke", "shout", "chant", "post", "testify", "conclude", "confirm", "emphasize",
        "stress", "remark", "observe", "wonder", "reiterate", "counter", "retort", "caution", "demand", "encourage",
        "tweet", "rule", "scoff", "insist", "yell", "scream", "exclaim", "muse", "sigh", "lament", "decry", "deride",
        "question", "mention", "recount", "reveal", "repeat", "characterize", "refer", "pronounce", "proclaim",
        "invoke", "assure", "agree", "vow", "thank", "hail", "tout", "laud", "condemn", "denounce", "attack", "plead",
        "interject", "interrupt", "joke", "gush", "rail", "fume", "snap", "respond", "answer", "disclose", "estimate",
        "conclude", "find", "label", "write", "read", "tell", "say", "speak", "think", "believe", "sing", "shout",
    ];

    private static readonly string[] Irregular =
    [
        "said", "says", "saying", "say", "told", "tells", "telling", "tell", "wrote", "writes", "writing", "written", "write",
        "thought", "thinks", "believes", "believed", "sang", "sings", "sung", "spoke", "speaks", "read", "reads", "found",
        "finds", "according", "put", "puts", "added", "adds", "asked", "asks", "insisted", "insists", "noted", "notes",
        "stated", "states", "argued", "argues", "declared", "declares", "warned", "warns", "continued", "continues", "replied",
        "replies", "responded", "responds", "claimed", "claims", "called", "calls", "calling", "described", "describes",
        "describing", "tweeted", "tweets", "cited", "cites", "accused", "accuses", "promised", "promises", "promising",
        "vowed", "vows", "urged", "urges", "announced", "announces", "reported", "reports", "suggested", "suggests",
        "admitted", "admits", "acknowledged", "acknowledges", "denied", "denies", "conceded", "concedes", "predicted",
        "predicts", "boasted", "boasts", "complained", "complains", "charged", "charges", "contended", "contends",
        "asserted", "asserts", "maintained", "maintains", "alleged", "alleges", "mocked", "mocks", "dismissed", "dismisses",
        "praised", "praises", "criticized", "criticizes", "blasted", "blasts", "slammed", "slams", "quipped", "quips",
        "joked", "jokes", "shouted", "shouts", "chanted", "chanting", "chants", "posted", "posts", "testified", "testifies",
        "concluded", "concludes", "confirmed", "confirms", "emphasized", "emphasizes", "stressed", "stresses", "remarked",
        "remarks", "observed", "observes", "wondered", "wonders", "reiterated", "reiterates", "countered", "counters",
        "retorted", "cautioned", "demanded", "demands", "encouraged", "ruled", "rules", "scoffed", "yelled", "screamed",
        "exclaimed", "mused", "sighed", "lamented", "decried", "derided", "questioned", "mentioned", "recounted",
        "revealed", "repeated", "characterized", "characterizes", "referred", "refers", "pronounced", "proclaimed",
        "invoked", "assured", "agreed", "agrees", "hailed", "touted", "touts", "lauded", "condemned", "denounced",
        "attacked", "pleaded", "interjected", "gushed", "railed", "fumed", "snapped", "answered", "disclosed",
        "estimated", "labeled", "labelled", "labels", "dubbed", "branded", "termed", "pledged", "recalled", "recalls",
        "explained", "explains", "telling", "asking", "adding", "noting", "arguing", "warning", "saying", "insisting",
        "claiming", "describing", "accusing", "urging", "suggesting", "tweeting", "writing", "declaring", "stating",
    ];

    private static readonly HashSet<string> All = Build();

    private static HashSet<string> Build()
    {
        var set = new HashSet<string>(Irregular, StringComparer.OrdinalIgnoreCase);
        foreach (var v in Regular)
        {
            set.Add(v);
        }

        return set;
    }

    /// <summary>Lower case only: a capitalised "State" or "Post" is part of a name, not a cue.</summary>
    public static bool IsCue(string word) => word.Length > 0 && char.IsLower(word[0]) && All.Contains(word);

    /// <summary>
    /// Cue forms that are as often plural nouns ("late-night tweets", "his remarks"): they count as
    /// a verb only after a name, a pronoun or a determiner-led description, never after a bare word.
    /// </summary>
    public static bool IsAlsoNoun(string word) => word is "tweets" or "calls" or "reports" or "claims" or "charges" or "remarks" or "notes"
        or "states" or "posts" or "comments" or "rules" or "questions" or "answers" or "replies" or "promises" or "pledges" or "vows"
        or "demands" or "attacks" or "praises" or "jokes" or "chants" or "reads" or "finds" or "thinks" or "warns" or "insists";

    /// <summary>Cues that can stand after a quote with the speaker after them: "…,” said Smith.</summary>
    public static bool IsInvertible(string word) => word is "said" or "says" or "added" or "adds" or "asked" or "asks" or "wrote" or "writes"
        or "continued" or "explained" or "noted" or "told" or "tweeted" or "replied" or "insisted" or "argued" or "declared" or "warned" or "recalled" or "responded";
}
