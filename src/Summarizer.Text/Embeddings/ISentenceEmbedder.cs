namespace Summarizer.Text;

/// <summary>
/// Turns sentences into dense vectors whose dot product is their cosine similarity. Implementations
/// are thread-safe, load their model once per process and batch internally; the one shipped is
/// all-MiniLM-L6-v2 (<c>Summarizer.Embeddings</c>), configured by name so the default path never loads it.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>The model's name (e.g. <c>all-MiniLM-L6-v2</c>): part of any cache key built on its vectors.</summary>
    string Name { get; }

    /// <summary>Length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>One unit-length vector per sentence, in the same order. Deterministic for the same input.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default);
}

/// <summary>Arithmetic on the vectors an <see cref="ISentenceEmbedder"/> returns.</summary>
public static class SentenceVectors
{
    /// <summary>Cosine similarity of two vectors of the same length (the dot product when both are unit length, as embedders return them).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors differ in length ({a.Length} and {b.Length}).", nameof(b));
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
