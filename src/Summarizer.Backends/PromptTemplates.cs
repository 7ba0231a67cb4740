using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Summarizer.Contracts;

namespace Summarizer.Backends;

/// <summary>A rendered prompt: the system instructions and the user message (which carries the article).</summary>
public sealed record RenderedPrompt(string System, string User);

/// <summary>
/// The prompt templates shipped as embedded resources (<c>Prompts/*.txt</c>): a brief per length
/// preset, map and reduce for long articles, and key-quote selection. Each file holds the system
/// part, a <c>&lt;&lt;&lt;user&gt;&gt;&gt;</c> line, then the user part; <c>{{$name}}</c> is replaced
/// by a value. <see cref="Version"/> hashes every template, so editing any prompt changes the cache key.
/// </summary>
public sealed partial class PromptTemplates
{
    private const string ResourcePrefix = "Summarizer.Backends.Prompts.";
    private const string UserMarker = "<<<user>>>";
    private readonly Dictionary<string, string> _templates;

    private PromptTemplates(Dictionary<string, string> templates)
    {
        _templates = templates;
        var hash = new StringBuilder();
        foreach (var (name, text) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            hash.Append(name).Append('\0').Append(text).Append('\0');
        }

        Version = "p-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())))[..12];
    }

    /// <summary>The templates embedded in this assembly.</summary>
    public static PromptTemplates Embedded { get; } = Load();

    /// <summary>Hash of all templates: part of every LLM backend's cache key.</summary>
    public string Version { get; }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    /// <summary>
    /// The template for a kind of work: <c>brief.short|medium|long</c> by the brief's preset, <c>map</c>,
    /// <c>reduce</c> (intermediate and final) or <c>combine</c>.
    /// </summary>
    public static string NameFor(SummaryTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            WorkKind.Map => "map",
            WorkKind.Reduce => "reduce",
            WorkKind.Combine => "combine",
            WorkKind.Brief => "brief." + (target.Preset ?? throw new ArgumentException("A brief is asked for by length preset.", nameof(target))).ToWireName(),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, null),
        };
    }

    public RenderedPrompt Render(string name, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new KeyNotFoundException($"No prompt template '{name}'.");
        }

        // One pass, so a value that itself contains {{$...}} (article text can) is never expanded.
        var rendered = Placeholder().Replace(template, m =>
            values.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new KeyNotFoundException($"Prompt '{name}' needs a value for '{m.Groups[1].Value}'."));
        var split = rendered.IndexOf(UserMarker, StringComparison.Ordinal);
        return split < 0
            ? new RenderedPrompt("", rendered.Trim())
            : new RenderedPrompt(rendered[..split].Trim(), rendered[(split + UserMarker.Length)..].Trim());
    }

    private static PromptTemplates Load()
    {
        var assembly = typeof(PromptTemplates).Assembly;
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            templates[resource[ResourcePrefix.Length..^".txt".Length]] = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        return new PromptTemplates(templates);
    }

    [GeneratedRegex(@"\{\{\$([A-Za-z]+)\}\}")]
    private static partial Regex Placeholder();
}
