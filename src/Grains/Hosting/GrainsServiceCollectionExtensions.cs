using CineSync.Grains.Catalogue;
using CineSync.Grains.Data;
using CineSync.Grains.Diagnostics;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;
using CineSync.Grains.Training;
using CineSync.Runtime.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Hosts the CineSync grains in a silo: <c>siloBuilder.Services.AddCineSyncGrains()</c>.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the taste, model, registry, watch-party and catalogue grains with their services (group-commit rating writer,
    /// catalogue, model holder, trainer, first-model bootstrap, the <c>CineSync.Recommendations</c> meter) and registers
    /// the JSON contracts. The silo also needs a grain storage named "Default" (e.g. <c>AddPostgresGrainStorage</c>), the
    /// role <c>model</c> on silos that should score, and, unless <see cref="CineSyncGrainsOptions.ConnectionString"/> is
    /// set, <c>AddCineSyncDatabase</c>.
    /// </summary>
    public static IServiceCollection AddCineSyncGrains(this IServiceCollection services, Action<CineSyncGrainsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Calling into this assembly has run its generated module initializer: the grain classes are registered.
        GrainContracts.Register();
        GrainSerialization.AddTypeInfoResolver(CineSync.Grains.GrainsJsonContext.Default);
        var options = services.AddOptions<CineSyncGrainsOptions>().Validate(o => { o.Validate(); return true; });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(GrainsDatabase.FromServices);
        services.TryAddSingleton<RatingWriter>();
        services.TryAddSingleton<UserDataStore>();
        services.TryAddSingleton<CatalogueStore>();
        services.TryAddSingleton<ModelStore>();
        services.TryAddSingleton<ModelHolder>();
        services.TryAddSingleton<RecommendationMetrics>();
        services.TryAddSingleton(sp => new ModelTrainer(sp.GetRequiredService<GrainsDatabase>(), sp.GetRequiredService<ModelStore>(), sp.GetRequiredService<ILogger<ModelTrainer>>()));
        services.AddHostedService<ModelBootstrapService>();
        return services;
    }

    /// <summary>A trainer over the silo's database (for a <c>train</c> command or an admin endpoint).</summary>
    public static ModelTrainer GetModelTrainer(this IServiceProvider services) => services.GetRequiredService<ModelTrainer>();
}
