using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;
using Summarizer.Grains;
using Summarizer.Hosting;
using Summarizer.Storage;

namespace Summarizer.Silo;

/// <summary>
/// Where grain state lives and how long grains stay in memory. Embedded: an SQLite file under
/// <c>Summarizer:Storage:Path</c> (default <c>./data</c>), so stored articles and paid-for briefs
/// survive a restart or a killed process. Redis mode: Redis. In both, idle grains are deactivated
/// (<c>Orleans:GrainCollection:CollectionAge</c>, default 5 minutes) and activations are shed under
/// memory pressure, so memory holds the articles in use, not every article ever stored.
/// </summary>
public static class SiloStorage
{
    public const string GrainCollectionSection = "Orleans:GrainCollection";

    /// <summary>Idle time after which a grain is deactivated, unless configured.</summary>
    public static readonly TimeSpan DefaultCollectionAge = TimeSpan.FromMinutes(5);

    public static ISiloBuilder UseSummarizerStorage(this ISiloBuilder silo, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Mode == ClusterMode.Embedded)
        {
            silo.AddSqliteGrainStorage(StorageNames.Articles);
        }
        else
        {
            // Orleans' binary serializer, as in embedded mode, not the default JSON one: the JSON
            // serializer writes type names and refuses the compiler's collection-expression types
            // (<>z__ReadOnlyList<T>) on read, so a cached brief with a receipt could not be read back.
            silo.AddRedisGrainStorage(StorageNames.Articles, (OptionsBuilder<RedisStorageOptions> options) => options
                .Configure<Serializer>((o, serializer) =>
                {
                    o.ConfigurationOptions = ConfigurationOptions.Parse(settings.Redis!);
                    o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
        }

        silo.Services.AddOptions<GrainCollectionOptions>()
            .Configure(o =>
            {
                o.CollectionAge = DefaultCollectionAge;
                o.EnableActivationSheddingOnMemoryPressure = true;
            })
            .BindConfiguration(GrainCollectionSection);
        return silo;
    }
}
