using CineSync.Dashboard.Cluster;
using CineSync.Dashboard.Hosting;
using CineSync.Dashboard.Logging;
using CineSync.Dashboard.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the silo dashboard.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the silo dashboard: a metrics listener sampling this silo once a second, a log tail, and an HTTP
    /// listener of its own serving the pages under <c>/dashboard/</c> and the JSON API under <c>/dashboard/api/</c>.
    /// Register an <see cref="CineSync.Dashboard.IClusterMembershipView"/> for the cluster-wide views (otherwise
    /// it shows this silo alone) and optionally an <see cref="CineSync.Dashboard.IModelInfoSource"/>. Options are
    /// validated when the host starts.
    /// </summary>
    public static IServiceCollection AddSiloDashboard(this IServiceCollection services, Action<CineSync.Dashboard.DashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CineSync.Dashboard.DashboardOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CineSync.Dashboard.DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MetricsStore>();
        services.TryAddSingleton<SiloStatsCollector>();
        services.TryAddSingleton(sp => new LogTail(sp.GetRequiredService<IOptions<CineSync.Dashboard.DashboardOptions>>().Value.LogCapacity));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, DashboardLoggerProvider>());
        services.TryAddSingleton<CineSync.Dashboard.IClusterMembershipView, LocalSiloMembershipView>();
        services.TryAddSingleton<ClusterView>();
        services.TryAddSingleton<EmbeddedAssets>();
        services.TryAddSingleton<DashboardServer>();
        services.TryAddSingleton<CineSync.Dashboard.ISiloDashboard>(sp => sp.GetRequiredService<DashboardServer>());
        services.AddHostedService(sp => sp.GetRequiredService<DashboardServer>());
        services.AddHostedService<DashboardSampler>();
        return services;
    }
}
