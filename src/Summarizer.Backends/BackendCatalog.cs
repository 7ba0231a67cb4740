using Microsoft.Extensions.Options;
using Summarizer.Contracts;

namespace Summarizer.Backends;

/// <summary>The configured backends by name, plus which answers by default and which falls back.</summary>
public interface IBackendCatalog
{
    string DefaultName { get; }

    string? FallbackName { get; }

    IReadOnlyList<string> Names { get; }

    /// <summary>The backend by name (case-insensitive); null picks the default. Throws <see cref="UnknownBackendException"/>.</summary>
    ISummaryBackend Get(string? name);
}

/// <summary>Builds each configured backend once from its provider's factory.</summary>
public sealed class BackendCatalog : IBackendCatalog
{
    private readonly Dictionary<string, ISummaryBackend> _backends;

    public BackendCatalog(IOptions<SummarizerOptions> options, IEnumerable<IBackendProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var byProvider = providers.ToDictionary(p => p.Provider, StringComparer.OrdinalIgnoreCase);
        _backends = new Dictionary<string, ISummaryBackend>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, backend) in o.Backends)
        {
            if (!byProvider.TryGetValue(backend.Provider, out var provider))
            {
                throw new OptionsValidationException(SummarizerOptions.SectionName, typeof(SummarizerOptions),
                    [$"{SummarizerOptions.SectionName}:Backends:{name}:Provider '{backend.Provider}' has no registered provider."]);
            }

            _backends[name] = provider.Create(name, backend);
        }

        DefaultName = _backends.Keys.First(k => string.Equals(k, o.Backend, StringComparison.OrdinalIgnoreCase));
        FallbackName = string.IsNullOrEmpty(o.Fallback) ? null : _backends.Keys.First(k => string.Equals(k, o.Fallback, StringComparison.OrdinalIgnoreCase));
        Names = [.. _backends.Keys.Order(StringComparer.Ordinal)];
    }

    public string DefaultName { get; }

    public string? FallbackName { get; }

    public IReadOnlyList<string> Names { get; }

    public ISummaryBackend Get(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return _backends[DefaultName];
        }

        return _backends.TryGetValue(name, out var backend) ? backend : throw new UnknownBackendException(name, Names);
    }
}
