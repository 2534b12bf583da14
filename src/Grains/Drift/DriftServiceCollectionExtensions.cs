using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CineSync.Grains.Drift;

/// <summary>Registers each silo's drift check, with options bound from <see cref="DriftOptions.SectionName"/>.</summary>
internal static class DriftServiceCollectionExtensions
{
    public static IServiceCollection AddDriftDetection(this IServiceCollection services)
    {
        services.AddOptions<DriftOptions>()
            .BindConfiguration(DriftOptions.SectionName)
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        services.TryAddSingleton<DriftStore>();
        services.TryAddSingleton<DriftDetector>();
        services.TryAddSingleton<DriftMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DriftMonitor>());
        return services;
    }
}
