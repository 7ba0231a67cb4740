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

    /// <summary>Key of a summarizer grain: hash of the text it summarises + the spec.</summary>
    public static string SummarizerKey(string textHash, string spec) => $"{textHash}|{spec}";
}
