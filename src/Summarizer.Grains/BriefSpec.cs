using Summarizer.Backends;
using Summarizer.Contracts;

namespace Summarizer.Grains;

/// <summary>
/// The cache key of a result: length preset × backend × model × prompt version. Changing a prompt
/// (its version) or a model changes the key, so a stale answer is never served.
/// </summary>
public static class BriefSpec
{
    public static string For(BriefLength length, ISummaryBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return $"{length.ToWireName()}|{backend.Name}|{backend.Model}|{backend.PromptVersion}";
    }

    /// <summary>
    /// Spec of a chunk summary (the map step). It leaves out the length preset, so every preset of
    /// every article that contains the chunk shares one summary.
    /// </summary>
    public static string Map(int sentences, ISummaryBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return $"map{sentences}|{backend.Name}|{backend.Model}|{backend.PromptVersion}";
    }

    /// <summary>Spec of an intermediate reduce (also shared between presets).</summary>
    public static string Reduce(int sentences, ISummaryBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return $"reduce{sentences}|{backend.Name}|{backend.Model}|{backend.PromptVersion}";
    }

    /// <summary>Spec of the last reduce, which gives the brief of the preset's length.</summary>
    public static string FinalReduce(BriefLength length, ISummaryBackend backend) => "final-" + For(length, backend);

    /// <summary>Key of a summarizer grain: hash of the text it summarises + the spec.</summary>
    public static string SummarizerKey(string textHash, string spec) => $"{textHash}|{spec}";
}
