using Summarizer.Text;

namespace Summarizer.Embeddings.Tests;

public sealed class MiniLmSentenceEmbedderTests
{
    private readonly MiniLmSentenceEmbedder embedder = new();

    [Fact]
    public void Loads_the_packaged_model_and_returns_unit_vectors_of_its_dimension()
    {
        var vectors = embedder.Embed(["The senator said the bill would pass next week."]);

        Assert.True(MiniLmSentenceEmbedder.IsLoaded);
        var v = Assert.Single(vectors);
        Assert.Equal(embedder.Dimensions, v.Length);
        Assert.Equal(1.0, SentenceVectors.Cosine(v, v), 3);
        Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3);
    }

    [Theory]
    [InlineData("The cat sat on the mat.", "A kitten was sitting on the rug.", "Stock markets fell sharply on Tuesday.")]
    [InlineData("Police arrested two men after the robbery of a bank in Leeds.", "Two suspects were detained following a bank raid.", "The recipe needs three eggs and a cup of flour.")]
    [InlineData("The president signed the climate law on Friday.", "On Friday the new climate legislation was signed by the president.", "Manchester United won the match 3-1 at Old Trafford.")]
    public void A_paraphrase_scores_higher_than_an_unrelated_sentence(string sentence, string paraphrase, string unrelated)
    {
        var v = embedder.Embed([sentence, paraphrase, unrelated]);

        var similar = SentenceVectors.Cosine(v[0], v[1]);
        var other = SentenceVectors.Cosine(v[0], v[2]);
        Assert.True(similar > other + 0.2, $"paraphrase {similar:F3}, unrelated {other:F3}");
    }

    [Fact]
    public void Batches_give_the_vectors_single_sentences_give()
    {
        // More sentences than one batch, of different lengths (a batch pads to its longest).
        var sentences = Enumerable.Range(0, MiniLmSentenceEmbedder.BatchSize + 5)
            .Select(i => string.Join(' ', Enumerable.Repeat($"word{i % 7}", 1 + (i % 11))) + " ends here.")
            .ToArray();

        var batched = embedder.Embed(sentences);

        Assert.Equal(sentences.Length, batched.Count);
        foreach (var i in new[] { 0, 10, MiniLmSentenceEmbedder.BatchSize, sentences.Length - 1 })
        {
            var alone = embedder.Embed([sentences[i]])[0];
            Assert.Equal(1.0, SentenceVectors.Cosine(alone, batched[i]), 3);
        }
    }

    [Fact]
    public void Concurrent_calls_share_the_model_and_agree()
    {
        string[] sentences = ["Officials said the storm had killed at least 12 people.", "The company reported record profits.", "Rescue teams searched the rubble overnight."];
        var expected = embedder.Embed(sentences);

        var results = new IReadOnlyList<float[]>[8];
        Parallel.For(0, results.Length, i => results[i] = new MiniLmSentenceEmbedder().Embed(sentences));

        foreach (var r in results)
        {
            for (var s = 0; s < sentences.Length; s++)
            {
                Assert.Equal(expected[s], r[s]);
            }
        }
    }

    [Fact]
    public void Empty_input_is_empty_and_blank_sentences_still_get_a_vector()
    {
        Assert.Empty(embedder.Embed([]));
        var v = embedder.Embed(["", "A real sentence."]);
        Assert.Equal(2, v.Count);
        Assert.All(v, x => Assert.Equal(embedder.Dimensions, x.Length));
    }

    [Fact]
    public void A_cancelled_call_throws_before_work()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => embedder.Embed(["Anything."], cts.Token));
    }
}
