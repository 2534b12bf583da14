using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CineSync.Grains.OnlineMetrics;

/// <summary>Registers the online metrics' writer and store, with options bound from <see cref="OnlineMetricsOptions.SectionName"/>.</summary>
internal static class OnlineMetricsServiceCollectionExtensions
{
    public static IServiceCollection AddOnlineMetrics(this IServiceCollection services)
    {
        services.AddOptions<OnlineMetricsOptions>()
            .BindConfiguration(OnlineMetricsOptions.SectionName)
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        services.TryAddSingleton<OnlineMetricsWriter>();
        services.TryAddSingleton<OnlineMetricsStore>();
        return services;
    }
}
