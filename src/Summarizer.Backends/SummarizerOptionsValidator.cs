using Microsoft.Extensions.Options;

namespace Summarizer.Backends;

/// <summary>Refuses a configuration the service cannot run with, naming the key at fault.</summary>
public sealed class SummarizerOptionsValidator(IEnumerable<IBackendProvider> providers) : IValidateOptions<SummarizerOptions>
{
    private readonly string[] _knownProviders = [.. providers.Select(p => p.Provider)];

    public ValidateOptionsResult Validate(string? name, SummarizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = SummarizerOptions.SectionName;
        if (!options.Backends.ContainsKey(options.Backend))
        {
            failures.Add($"{Section}:Backend is '{options.Backend}', which is not configured under {Section}:Backends (configured: {string.Join(", ", options.Backends.Keys)}).");
        }

        if (!string.IsNullOrEmpty(options.Fallback) && !options.Backends.ContainsKey(options.Fallback))
        {
            failures.Add($"{Section}:Fallback is '{options.Fallback}', which is not configured under {Section}:Backends.");
        }

        foreach (var (backend, o) in options.Backends)
        {
            var key = $"{Section}:Backends:{backend}";
            if (!_knownProviders.Contains(o.Provider, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{key}:Provider is '{o.Provider}'; known providers: {string.Join(", ", _knownProviders)}.");
            }

            if (o.ContextTokens < 256)
            {
                failures.Add($"{key}:ContextTokens must be at least 256.");
            }

            if (o.MaxOutputTokens < 16 || o.MaxOutputTokens >= o.ContextTokens)
            {
                failures.Add($"{key}:MaxOutputTokens must be between 16 and ContextTokens.");
            }

            if (o.MaxConcurrency < 1)
            {
                failures.Add($"{key}:MaxConcurrency must be at least 1.");
            }

            if (o.TimeoutSeconds < 1)
            {
                failures.Add($"{key}:TimeoutSeconds must be at least 1.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
