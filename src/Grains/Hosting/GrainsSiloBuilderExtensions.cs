using CineSync.Grains.Catalogue;
using CineSync.Grains.Data;
using CineSync.Grains.Diagnostics;
using CineSync.Grains.Drift;
using CineSync.Grains.Experiments;
using CineSync.Grains.Hosting;
using CineSync.Grains.Model;
using CineSync.Grains.OnlineMetrics;
using CineSync.Grains.Placement;
using CineSync.Grains.Retraining;
using CineSync.Grains.Taste;
using CineSync.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Orleans.Hosting;

/// <summary>Hosts the CineSync grains in a silo: <c>siloBuilder.AddCineSyncGrains()</c>.</summary>
public static class GrainsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the taste, model, registry, watch-party, catalogue and silo-facts grains with their services (group-commit
    /// rating writer, catalogue, model holder, trainer, first-model bootstrap, the <c>CineSync.Recommendations</c> meter
    /// and its recent windows), the placement filter that keeps <c>ModelGrain</c> on silos with the <c>model</c> role, the
    /// placement that keeps each silo's facts grain on that silo, and the carry-over of taste state stored
    /// by CineSync's earlier runtime. The silo also needs a grain storage named
    /// <see cref="CineSyncGrainStorage.Name"/> (serializing with <see cref="GrainStateJsonSerializer"/>; registered before this call, so that
    /// its database failures read "try again in a moment"), silo metadata
    /// (<c>UseSiloMetadata</c>) with <c>role</c> listing <c>model</c> on silos that should score, and the host's
    /// PostgreSQL data source as an <see cref="ICineSyncDataSource"/>.
    /// </summary>
    public static ISiloBuilder AddCineSyncGrains(this ISiloBuilder silo, Action<CineSyncGrainsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CineSyncGrainsOptions>, CineSyncGrainsOptionsValidator>());
        var options = services.AddOptions<CineSyncGrainsOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<RecommendationMetricsOptions>().Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GrainsDatabase(
            sp.GetService<ICineSyncDataSource>() ?? throw new InvalidOperationException("The CineSync grains need an ICineSyncDataSource: register the host's PostgreSQL data source before the silo starts."),
            sp.GetRequiredService<ILogger<GrainsDatabase>>()));
        services.TryAddSingleton<RatingWriter>();
        services.TryAddSingleton<UserDataStore>();
        services.TryAddSingleton<CatalogueStore>();
        services.TryAddSingleton<ModelStore>();
        services.TryAddSingleton<ModelHolder>();
        services.TryAddSingleton<RecommendationMetrics>();
        services.AddOnlineMetrics();
        services.AddExperiments();
        services.AddDriftDetection();
        services.AddRetraining();
        services.TryAddSingleton(sp => new ModelTrainer(sp.GetRequiredService<GrainsDatabase>(), sp.GetRequiredService<ModelStore>(), sp.GetRequiredService<ILogger<ModelTrainer>>()));
        services.AddHostedService<ModelBootstrapService>();
        services.AddPlacementFilter<SiloRoleFilterStrategy, SiloRoleFilterDirector>(ServiceLifetime.Singleton);
        services.AddPlacementDirector<SiloInKeyPlacement, SiloInKeyPlacementDirector>();
        silo.AddOutgoingGrainCallFilter<ModelAvailabilityFilter>();
        silo.AddIncomingGrainCallFilter<CallOutcomeFilter>();
        silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
        LegacyTasteStateCarryOver.Register(services);
        StorageFaultTranslation.Decorate(services);
        return silo;
    }

    /// <summary>
    /// <see cref="AddCineSyncGrains(ISiloBuilder, Action{CineSyncGrainsOptions}?)"/> with the options bound from
    /// <paramref name="configuration"/>'s <c>Grains</c> section (and the dashboard's recent figures from <c>Metrics</c>),
    /// validated when the silo starts.
    /// </summary>
    public static ISiloBuilder AddCineSyncGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        silo.Services.AddOptions<RecommendationMetricsOptions>().Bind(configuration.GetSection(RecommendationMetricsOptions.SectionName));
        return silo.AddCineSyncGrains(o => configuration.GetSection(CineSyncGrainsOptions.SectionName).Bind(o));
    }

    /// <summary>A trainer over the silo's database (for a <c>train</c> command or an admin endpoint).</summary>
    public static ModelTrainer GetModelTrainer(this IServiceProvider services) => services.GetRequiredService<ModelTrainer>();
}
