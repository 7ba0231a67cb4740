using Microsoft.Extensions.Options;

namespace Summarizer.Backends;

/// <summary>
/// Refuses a configuration the service cannot run with, naming the key at fault. Each provider
/// checks its own keys (endpoint, model, deployment, key); a provider name nobody registered is an error.
/// </summary>
public sealed class SummarizerOptionsValidator(IEnumerable<IBackendProvider> providers) : IValidateOptions<SummarizerOptions>
{
    private readonly Dictionary<string, IBackendProvider> _providers =
        providers.ToDictionary(p => p.Provider, StringComparer.OrdinalIgnoreCase);

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
            if (!_providers.TryGetValue(o.Provider, out var provider))
            {
                var known = string.Join(", ", _providers.Keys.Order(StringComparer.Ordinal));
                failures.Add(string.IsNullOrWhiteSpace(o.Provider)
                    ? $"{key}:Provider is missing; known providers: {known}."
                    : $"{key}:Provider is '{o.Provider}'; known providers: {known}.");
            }
            else
            {
                failures.AddRange(provider.Validate(key, o));
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

            if (o.MaxQueue < 0)
            {
                failures.Add($"{key}:MaxQueue must not be negative.");
            }

            if (o.TimeoutSeconds < 1)
            {
                failures.Add($"{key}:TimeoutSeconds must be at least 1.");
            }

            if (o.AttemptTimeoutSeconds <= 0 || o.AttemptTimeoutSeconds > o.TimeoutSeconds)
            {
                failures.Add($"{key}:AttemptTimeoutSeconds must be above 0 and at most TimeoutSeconds.");
            }

            if (o.Retries is < 0 or > 10)
            {
                failures.Add($"{key}:Retries must be between 0 and 10.");
            }

            if (o.RetryDelayMilliseconds < 0)
            {
                failures.Add($"{key}:RetryDelayMilliseconds must not be negative.");
            }

            if (o.CircuitBreakSeconds < 1)
            {
                failures.Add($"{key}:CircuitBreakSeconds must be at least 1.");
            }

            failures.AddRange(BudgetFailures(key, o));
            if (o.FailureMemorySeconds < 0)
            {
                failures.Add($"{key}:FailureMemorySeconds must not be negative.");
            }

            if (o.CircuitBreakFailures < 0)
            {
                failures.Add($"{key}:CircuitBreakFailures must not be negative.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> BudgetFailures(string key, BackendOptions o)
    {
        if (o.ClusterMaxConcurrency is < 1)
        {
            yield return $"{key}:ClusterMaxConcurrency must be at least 1 (or unset).";
        }

        if (o.RequestsPerMinute is < 1)
        {
            yield return $"{key}:RequestsPerMinute must be at least 1 (or unset).";
        }

        if (o.TokensPerMinute is { } tpm && tpm < o.MaxOutputTokens)
        {
            yield return $"{key}:TokensPerMinute must be at least MaxOutputTokens (or unset).";
        }

        if (o.ClusterMaxQueue < 0)
        {
            yield return $"{key}:ClusterMaxQueue must not be negative.";
        }

        if (o.BudgetWaitSeconds < 0)
        {
            yield return $"{key}:BudgetWaitSeconds must not be negative.";
        }
    }
}
