using Microsoft.Extensions.DependencyInjection;
using Summarizer.Backends;

namespace Summarizer.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers what the grains need (backends from configuration section <c>Summarizer</c>,
    /// metrics). The host chooses clustering and the <see cref="StorageNames.Articles"/> storage.
    /// </summary>
    public static ISiloBuilder AddSummarizerGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSummarizerBackends();
        return silo;
    }
}
