using Summarizer.Contracts;
using Summarizer.Text;

namespace Summarizer.Eval.Fuzz;

/// <summary>A mutant that broke the pipeline: its seed rebuilds it (<c>summarizer-eval fuzz --seed S --cases 1</c>).</summary>
public sealed record FuzzFailure(MutatedArticle Case, string Stage, Exception Error)
{
    public override string ToString() =>
        $"seed {Case.Seed} ({Case.SourceId}; {string.Join("; ", Case.Mutations)}): {Stage}: {Error.GetType().Name}: {Error.Message}";
}

/// <summary>What a fuzz run saw.</summary>
public sealed record FuzzReport(int Cases, long Characters, int Quotes, IReadOnlyList<FuzzFailure> Failures);

/// <summary>
/// The mutation corpus run: each mutant through every <c>Summarizer.Text</c> stage with its
/// promises checked (<see cref="TextInvariants"/>), then, when a digest pipeline is given, through the
/// service's own digest pipeline (<see cref="InProcessDigest"/>: planner, brief, key quotes) whose
/// key quotes must index the normalised text.
/// </summary>
public sealed class TextFuzz(ArticleMutator mutator, TokenCounter tokens, InProcessDigest? digest = null)
{
    public FuzzReport Run(int firstSeed, int cases, Action? step = null)
    {
        var failures = new List<FuzzFailure>();
        long characters = 0;
        var quotes = 0;
        for (var i = 0; i < cases; i++)
        {
            var mutant = mutator.Mutate(unchecked(firstSeed + i));
            characters += mutant.Text.Length;
            var budget = 64 + (mutant.Seed & 0xFF);
            var stage = "text stages";
            try
            {
                var run = TextInvariants.Check(mutant.Text, tokens, budget);
                quotes += run.Quotes.Count;
                if (digest is not null && run.Document.HasSentences)
                {
                    // The API refuses text without sentences (422) before any grain sees it.
                    stage = "digest pipeline";
                    CheckDigest(digest.Run(mutant.Text, null, BriefLength.Short));
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add(new FuzzFailure(mutant, stage, e));
            }

            step?.Invoke();
        }

        return new FuzzReport(cases, characters, quotes, failures);
    }

    private static void CheckDigest(DigestResult result)
    {
        var text = result.Document.Text;
        if (result.Brief.Count == 0)
        {
            throw new TextInvariantException("a text with sentences has a brief");
        }

        foreach (var q in result.KeyQuotes)
        {
            if (q.Start < 0 || q.End > text.Length || q.Start >= q.End || text[q.Start..q.End] != q.Text)
            {
                throw new TextInvariantException($"key quote [{q.Start}..{q.End}] does not index the text");
            }
        }
    }
}
