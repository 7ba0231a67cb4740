using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Summarizer.Storage;

public static class SqliteStorageSiloBuilderExtensions
{
    /// <summary>
    /// Grain storage <paramref name="name"/> in <c>&lt;Summarizer:Storage:Path&gt;/summarizer.db</c>
    /// (options bound from <see cref="StorageOptions.SectionName"/>, checked at start).
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{StorageOptions.Key(nameof(StorageOptions.Path))} must name a directory.")
            .Validate(o => Enum.IsDefined(o.Synchronous), $"{StorageOptions.Key(nameof(StorageOptions.Synchronous))} must be Full or Normal.")
            .ValidateOnStart();
        silo.Services.AddGrainStorage(name, (services, providerName) =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new SqliteGrainStorage(
                providerName,
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                new GrainStateDatabase(options.DatabaseFile(), options.Synchronous),
                new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>()),
                services.GetRequiredService<ILogger<SqliteGrainStorage>>());
        });
        return silo;
    }
}
