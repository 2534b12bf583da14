using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CineSync.Grains.Experiments;

/// <summary>Registers experiments' store, running-experiment view and service, with options bound from <see cref="ExperimentOptions.SectionName"/>.</summary>
internal static class ExperimentsServiceCollectionExtensions
{
    public static IServiceCollection AddExperiments(this IServiceCollection services)
    {
        services.AddOptions<ExperimentOptions>()
            .BindConfiguration(ExperimentOptions.SectionName)
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        services.TryAddSingleton<ExperimentStore>();
        services.TryAddSingleton<RunningExperiments>();
        services.TryAddSingleton<ExperimentService>();
        return services;
    }
}
