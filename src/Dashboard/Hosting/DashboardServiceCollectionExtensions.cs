using CineSync.Dashboard;
using CineSync.Dashboard.Access;
using CineSync.Dashboard.Cluster;
using CineSync.Dashboard.Hosting;
using CineSync.Dashboard.Quality;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the silo dashboard.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dashboard endpoint to the host's Kestrel server (<see cref="DashboardOptions.BindAddress"/>:<see cref="DashboardOptions.Port"/>,
    /// beside the host's own endpoints), the access policy every dashboard route passes, and CineSync's page, which reads
    /// each silo's facts through the host's <c>IGrainFactory</c> (a silo's, or a cluster client's). Options are validated
    /// when the host starts. Then call <c>UseCineSyncDashboardAccess</c> and <c>MapCineSyncDashboardPage</c> on the app.
    /// </summary>
    public static IServiceCollection AddCineSyncDashboard(this IServiceCollection services, Action<DashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DashboardOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DashboardListener>();
        services.TryAddSingleton<ISiloDashboard>(sp => sp.GetRequiredService<DashboardListener>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, DashboardListener>(sp => sp.GetRequiredService<DashboardListener>()));
        services.TryAddSingleton(sp => new DashboardAccessPolicy(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.AccessToken));
        services.TryAddSingleton<EmbeddedAssets>();
        services.TryAddSingleton<ISiloFactsSource, OrleansSiloFactsSource>();
        services.TryAddSingleton<ClusterFactsReader>();
        services.TryAddSingleton<QualityReader>();
        services.AddHostedService<DashboardReadyAnnouncer>();
        return services;
    }
}
