using CineSync.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;

namespace CineSync.Grains.Retraining;

/// <summary>
/// Registers the retraining schedule, with options bound from <see cref="RetrainingOptions.SectionName"/>, and the
/// validation of the first model a silo trains (<see cref="ModelValidationOptions.SectionName"/>). The silo also needs a
/// reminder service.
/// </summary>
internal static class RetrainingServiceCollectionExtensions
{
    public static IServiceCollection AddRetraining(this IServiceCollection services)
    {
        services.AddOptions<RetrainingOptions>()
            .BindConfiguration(RetrainingOptions.SectionName)
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        services.AddOptions<ModelValidationOptions>()
            .BindConfiguration(ModelValidationOptions.SectionName)
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        services.TryAddSingleton<RetrainingStore>();
        services.TryAddSingleton<RetrainingCycle>();
        services.TryAddSingleton<RetrainingSchedule>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RetrainingSchedule>());
        return services;
    }
}
