namespace Summarizer.Text.Tests;

public class BriefRulesTests
{
    [Fact]
    public void Directed_centrality_favours_the_sentence_later_ones_elaborate_over_the_one_that_repeats_it()
    {
        // 0 and 2 say the same thing; 1 is unrelated. Undirected, 0 and 2 tie; directed, 0 (told first) wins.
        double[] sim =
        [
            1.0, 0.0, 0.9,
            0.0, 1.0, 0.1,
            0.9, 0.1, 1.0,
        ];

        var degree = SentenceGraph.Degree(sim, 3);
        var directed = SentenceGraph.Centrality(sim, 3);

        Assert.Equal(degree[0], degree[2] - 0.1, 9);
        Assert.True(directed[0] > directed[2]);
        Assert.True(directed[0] > directed[1]);
    }

    [Fact]
    public void Sparse_and_dense_similarities_are_cosines_with_a_unit_diagonal()
    {
        var sparse = SentenceGraph.Sparse([([0, 2], [1.0, 1.0], Math.Sqrt(2)), ([2, 5], [1.0, 1.0], Math.Sqrt(2)), ([], [], 0)]);
        Assert.Equal(1.0, sparse[0]);
        Assert.Equal(0.5, sparse[1], 9);
        Assert.Equal(0.5, sparse[3], 9);
        Assert.Equal(0.0, sparse[2]);

        var dense = SentenceGraph.Dense([[1f, 0f], [0.6f, 0.8f]]);
        Assert.Equal(0.6, dense[1], 6);
        Assert.Equal(1.0, dense[3]);
    }

    [Theory]
    [InlineData("The storm hit the coast on Monday, leaving thousands of homes without power for days.", "The storm hit the coast on Monday.")]
    [InlineData("Shares in the bank fell 5 per cent, prompting fears of a wider sell-off.", "Shares in the bank fell 5 per cent.")]
    [InlineData("Shares fell 5 per cent, prompting fears of a wider sell-off.", "Shares fell 5 per cent, prompting fears of a wider sell-off.")]
    public void Over_the_budget_a_trailing_participle_clause_goes_unless_under_six_words_would_remain(string sentence, string shortened) =>
        Assert.Equal([shortened], SentenceCompressor.ToBudget([sentence], 5));

    [Fact]
    public void Under_the_budget_nothing_is_deleted_and_quotes_are_never_cut()
    {
        const string Clause = "The storm hit the coast on Monday, leaving thousands of homes without power for days.";
        const string Quoted = "“The storm hit the coast on Monday, leaving thousands without power,” the mayor said.";
        Assert.Equal([Clause], SentenceCompressor.ToBudget([Clause], 40));
        Assert.Equal([Quoted], SentenceCompressor.ToBudget([Quoted], 5));
    }

    [Fact]
    public void The_budget_cuts_the_longest_sentence_first_and_stops_once_it_fits()
    {
        string[] brief =
        [
            "The council approved the budget on Tuesday, ending months of argument.",
            "The mayor had warned of cuts to libraries, parks and bus routes across the city, sparking protests by residents in every district.",
        ];

        var result = SentenceCompressor.ToBudget(brief, 25);

        Assert.Equal(brief[0], result[0]);
        Assert.Equal("The mayor had warned of cuts to libraries, parks and bus routes across the city.", result[1]);
    }

    [Theory]
    [InlineData("The man was arrested on Friday, police said.", "The man was arrested on Friday.")]
    [InlineData("The plane, officials said on Monday, crashed shortly after take-off.", "The plane crashed shortly after take-off.")]
    [InlineData("According to the report, prices rose in every region.", "Prices rose in every region.")]
    [InlineData("The gun was secured to a truck safe, according to police.", "The gun was secured to a truck safe.")]
    [InlineData("“We will appeal,” the lawyer said.", "“We will appeal,” the lawyer said.")]
    [InlineData("The bank said it would raise rates.", "The bank said it would raise rates.")]
    public void Attributions_are_dropped_only_when_asked_and_never_from_a_quote(string sentence, string compressed)
    {
        Assert.Equal(compressed, SentenceCompressor.Compress(sentence, dropAttributions: true));
        Assert.Equal(sentence, SentenceCompressor.Compress(sentence, dropAttributions: false));
    }

    [Theory]
    [InlineData("He said the plan would fail.", true)]
    [InlineData("They were rescued at dawn.", true)]
    [InlineData("“It was terrifying,” she said.", true)]
    [InlineData("Herbert Smith said the plan would fail.", false)]
    [InlineData("The council met on Tuesday.", false)]
    public void A_pronoun_opener_is_recognised(string sentence, bool pronoun) =>
        Assert.Equal(pronoun, AntecedentGuard.OpensWithPronoun(sentence));

    [Theory]
    [InlineData("But the jury cleared his friend of manslaughter.", "The jury cleared his friend of manslaughter.")]
    [InlineData("However, the vote was delayed.", "The vote was delayed.")]
    [InlineData("Butter prices rose.", "Butter prices rose.")]
    public void A_dangling_connective_is_deleted(string sentence, string expected) =>
        Assert.Equal(expected, AntecedentGuard.WithoutDanglingConnective(sentence));

    [Fact]
    public void A_brief_skips_a_pronoun_sentence_whose_antecedent_it_left_out()
    {
        var doc = ArticleDocument.Parse(
            "The city council approved a new budget for schools and roads on Tuesday night.\n\n" +
            "Officials expect the roads programme to start in the spring across the northern districts.\n\n" +
            "Residents in the districts have complained about potholes for several years.\n\n" +
            "He said the council would publish the contracts for the roads programme next month.");

        var brief = ExtractiveSummarizer.Summarize(doc, 1, BriefRules.Default with { SingleSentenceCentralityWeight = 1.0 });
        var unguarded = ExtractiveSummarizer.Summarize(doc, 1, BriefRules.Default with { SingleSentenceCentralityWeight = 1.0, GuardAntecedents = false });

        Assert.DoesNotContain(brief, s => s.StartsWith("He ", StringComparison.Ordinal));
        Assert.Single(brief);
        Assert.NotEqual(unguarded, brief);
    }

    [Fact]
    public void With_an_embedder_the_brief_is_ranked_on_its_vectors_and_stays_deterministic()
    {
        var doc = ArticleDocument.Parse(Seeds.Raw);
        var embedder = new BagOfLettersEmbedder();

        var first = ExtractiveSummarizer.Summarize(doc, 3, embedder);
        var second = ExtractiveSummarizer.Summarize(doc, 3, embedder);

        Assert.Equal(3, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(doc.Sentences.Count, embedder.Embedded);
    }

    /// <summary>A deterministic stand-in: letter frequencies, unit length.</summary>
    private sealed class BagOfLettersEmbedder : ISentenceEmbedder
    {
        public int Embedded { get; private set; }

        public string Name => "letters";

        public int Dimensions => 26;

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
        {
            Embedded = sentences.Count;
            return [.. sentences.Select(s =>
            {
                var v = new float[26];
                foreach (var c in s.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z'))
                {
                    v[c - 'a']++;
                }

                var norm = MathF.Sqrt(v.Sum(x => x * x));
                return norm == 0 ? v : [.. v.Select(x => x / norm)];
            })];
        }
    }
}
