using CineSync.Database.Hosting;
using CineSync.Dashboard;
using Microsoft.Extensions.Options;

namespace CineSync.Silo.Hosting;

/// <summary>Composes a CineSync silo: the actor runtime with the CineSync grains, their storage, and the dashboard.</summary>
public static class SiloCompositionExtensions
{
    /// <summary>
    /// Adds the runtime (settings from the <c>Silo</c> section), the CineSync grains with PostgreSQL grain storage
    /// named "Default", and the dashboard (settings from the <c>Dashboard</c> section). Call after
    /// <c>AddCineSyncDatabase</c>: the database starts, and migrates, before the silo does.
    /// </summary>
    public static WebApplicationBuilder AddCineSyncSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var siloSection = builder.Configuration.GetSection(SiloOptions.SectionName);

        var silo = builder.Services
            .AddSilo(options => ClusterSettings.Apply(siloSection, options))
            .AddGrains(typeof(GrainsServiceCollectionExtensions).Assembly)
            .AddPostgresGrainStorage("Default", services => services.GetRequiredService<IDatabaseEndpoint>().ConnectionString);

        // A lone silo needs no membership; naming a cluster makes this silo join it through the shared database.
        if (!string.IsNullOrWhiteSpace(siloSection["ClusterId"]))
        {
            silo.UseMembershipTable(services => services.GetRequiredService<IDatabaseEndpoint>().GetConnectionStringAsync());
            builder.Services.AddSingleton<IClusterMembershipView, ClusterMembershipView>();
            builder.Services.AddHostedService<DashboardAddressPublisher>();
        }

        builder.Services.AddCineSyncGrains();

        builder.Services.AddSingleton<IModelInfoSource, CurrentModelInfo>();
        builder.Services.AddSiloDashboard(options => builder.Configuration.GetSection("Dashboard").Bind(options));
        builder.Services.AddOptions<DashboardOptions>().Configure<IOptions<CineSync.Runtime.Hosting.SiloOptions>>((dashboard, silo) =>
        {
            // The dashboard names the silo as the runtime and the membership table do.
            dashboard.SiloName = silo.Value.Name;
            foreach (var role in silo.Value.Roles)
            {
                dashboard.Roles.Add(role);
            }
        });
        return builder;
    }
}
