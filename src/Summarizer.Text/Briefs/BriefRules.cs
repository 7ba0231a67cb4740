namespace Summarizer.Text;

/// <summary>
/// The switches of <see cref="ExtractiveSummarizer"/>: which centrality, how much it weighs against the
/// lead prior, and which compressions and guards apply. <see cref="Default"/> is what the service runs;
/// the others exist so each rule can be measured alone (docs/QUALITY.md lists every one tried).
/// </summary>
public sealed record BriefRules
{
    /// <summary>Lexical ranking (TF-IDF degree centrality), the compression budget and the antecedent guard.</summary>
    public static readonly BriefRules Default = new() { WordsPerSentence = 20, GuardAntecedents = true };

    /// <summary>With sentence embeddings: PACSUM's directed centrality, and more weight on it for a one-sentence brief.</summary>
    public static readonly BriefRules WithEmbeddings = Default with { Directed = true, SingleSentenceCentralityWeight = 0.5 };

    /// <summary>PACSUM's directed centrality (<see cref="SentenceGraph.Centrality"/>) instead of undirected degree.</summary>
    public bool Directed { get; init; }

    /// <summary>Weight of centrality against the lead prior for a brief of several sentences.</summary>
    public double CentralityWeight { get; init; } = 0.1;

    /// <summary>Weight of centrality for a one-sentence brief, which has to carry the topic on its own.</summary>
    public double SingleSentenceCentralityWeight { get; init; } = 0.3;

    /// <summary>Delete attributions of reported statements ("…, police said.").</summary>
    public bool DropAttributions { get; init; }

    /// <summary>Skip a sentence opening with a pronoun whose antecedent sentence is not in the brief; strip a dangling "But"/"However".</summary>
    public bool GuardAntecedents { get; init; }

    /// <summary>Words per requested sentence the brief aims for; over it, clauses that carry the least are deleted (0: no budget).</summary>
    public int WordsPerSentence { get; init; }
}
