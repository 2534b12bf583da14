using CineSync.Runtime.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a cluster client (the bot's connection to the silos).</summary>
public static class ClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CineSync.Runtime.IClusterClient"/> (also as <see cref="CineSync.Runtime.IGrainFactory"/>) and a hosted
    /// service that connects it at start-up.
    /// </summary>
    public static IServiceCollection AddClusterClient(this IServiceCollection services, Action<ClusterClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ClusterClientOptions>().Configure(configure).Validate(o => o.HasGatewaySource, "Configure at least one gateway or a membership table.");
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterClient>();
        services.TryAddSingleton<CineSync.Runtime.IClusterClient>(sp => sp.GetRequiredService<ClusterClient>());
        services.TryAddSingleton<CineSync.Runtime.IGrainFactory>(sp => sp.GetRequiredService<ClusterClient>());
        services.AddHostedService<ClusterClientHostedService>();
        return services;
    }
}
