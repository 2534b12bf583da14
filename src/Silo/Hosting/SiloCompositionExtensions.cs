using CineSync.Database.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Hosting;
using CineSync.Grains.Placement;
using CineSync.Grains.Taste;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.MembershipService.SiloMetadata;
using CineSyncDashboardOptions = CineSync.Dashboard.DashboardOptions;
using OrleansSiloOptions = Orleans.Configuration.SiloOptions;

namespace CineSync.Silo.Hosting;

/// <summary>Composes a CineSync silo: Orleans with the CineSync grains, their PostgreSQL storage, and the dashboards.</summary>
internal static class SiloCompositionExtensions
{
    /// <summary>
    /// Adds an Orleans silo configured from the <c>Silo</c> section (and Orleans' own <c>Orleans:*</c> sections), the
    /// CineSync grains with ADO.NET grain storage in PostgreSQL named "Default", Orleans' dashboard services and CineSync's
    /// dashboard endpoint (settings from the <c>Dashboard</c> section; map both with <c>MapCineSyncDashboard</c>). Call
    /// after <c>AddCineSyncDatabase</c>: the database starts, and migrates, before the silo does.
    /// </summary>
    public static WebApplicationBuilder AddCineSyncSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = SiloHostingExtensions.ReadSiloOptions(builder.Configuration);
        var configuration = builder.Configuration;
        var dashboardEnabled = DashboardEnabled(configuration);
        builder.UseOrleans(silo =>
        {
            silo.Configure<OrleansSiloOptions>(o => o.SiloName = options.Name);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
            silo.UseSiloMetadata(SiloMetadataFrom(configuration, options));
            if (options.JoinsCluster)
            {
                JoinClusterThroughPostgres(silo, configuration, options);
            }
            else
            {
                // A lone silo needs no membership table: loopback only, the same ids a standalone bot uses by default.
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, CineSyncCluster.ServiceId, CineSyncCluster.DefaultClusterId);
            }

            silo.AddAdoNetGrainStorage(CineSyncGrainStorage.Name, storage => storage.Configure<DatabaseDataSource>((o, database) =>
            {
                o.Invariant = CineSyncCluster.AdoNetInvariant;
                o.ConnectionString = WaitForConnectionString(database, smallStatements: true);
                o.DeleteStateOnClear = true;
                o.GrainStorageSerializer = new GrainStateJsonSerializer();
            }));
            // The retraining schedule's reminder lives in PostgreSQL beside the grain state (tables and queries: sql/0004).
            silo.UseAdoNetReminderService(reminders => reminders.Configure<DatabaseDataSource>((o, database) =>
            {
                o.Invariant = CineSyncCluster.AdoNetInvariant;
                o.ConnectionString = WaitForConnectionString(database, smallStatements: true);
            }));
            silo.AddCineSyncGrains(configuration);
            if (dashboardEnabled)
            {
                // Grains, methods, silos and activations come from Orleans' own dashboard, collected on every silo.
                silo.AddDashboard();
            }
        });

        builder.Services.AddSingleton<ICineSyncDataSource, SiloDataSource>();
        builder.Services.AddCineSyncDashboard(o => configuration.GetSection(CineSyncDashboardOptions.SectionName).Bind(o));
        return builder;
    }

    /// <summary>Whether <c>Dashboard:Enabled</c> (default true) asks for the dashboards: Orleans' services are added only then.</summary>
    internal static bool DashboardEnabled(IConfiguration configuration) =>
        configuration.GetSection(CineSyncDashboardOptions.SectionName).Get<CineSyncDashboardOptions>()?.Enabled ?? true;

    private static void JoinClusterThroughPostgres(ISiloBuilder silo, ConfigurationManager configuration, CineSyncSiloOptions options)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId!;
            o.ServiceId = CineSyncCluster.ServiceId;
        });
        silo.ConfigureEndpoints(System.Net.IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseAdoNetClustering(clustering => clustering.Configure<DatabaseDataSource>((o, database) =>
        {
            o.Invariant = CineSyncCluster.AdoNetInvariant;
            o.ConnectionString = WaitForConnectionString(database, smallStatements: false);
        }));

        // Orleans' defaults take 5–8 s to declare a killed silo dead and 30 s to fail calls in flight to it; a member
        // should be served again within seconds. Orleans:Membership in configuration can still override each value.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
    }

    /// <summary>
    /// <c>Orleans:Metadata</c> as configured, with <c>role</c> taken from <c>Silo:Roles</c> when it is not set there, so
    /// placement (ModelGrain on <c>model</c> silos) and the dashboard read one value.
    /// </summary>
    private static Dictionary<string, string> SiloMetadataFrom(ConfigurationManager configuration, CineSyncSiloOptions options)
    {
        var metadata = configuration.GetSection("Orleans:Metadata").GetChildren()
            .Where(c => c.Value is not null)
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
        if (!metadata.ContainsKey(SiloRoles.MetadataKey))
        {
            metadata[SiloRoles.MetadataKey] = string.Join(',', options.RoleList);
        }

        return metadata;
    }

    /// <summary>
    /// The connection string of Orleans' ADO.NET providers, which take no data source. The private PostgreSQL server's
    /// address exists only once it has started. Orleans reads provider options while the silo starts, after the
    /// database's start-up has run, so this completes at once; should anything ask earlier, it waits for the server
    /// rather than failing.
    /// </summary>
    private static string WaitForConnectionString(DatabaseDataSource database, bool smallStatements) =>
        database.GetProviderConnectionStringAsync(smallStatements).GetAwaiter().GetResult();
}
