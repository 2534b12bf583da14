using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Placement;
using CineSync.Grains.Taste;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace CineSync.Testing;

/// <summary>
/// CineSync's grains on Orleans' in-process test cluster, with real ADO.NET grain storage in a PostgreSQL database:
/// silos configured as the real silo configures them (roles in silo metadata, the "Default" storage with CineSync's
/// JSON state serializer), and a client that calls them through Orleans' serializers.
/// </summary>
public sealed class CineSyncTestCluster : IAsyncDisposable
{
    private CineSyncTestCluster(InProcessTestCluster cluster) => Cluster = cluster;

    /// <summary>The Orleans test cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>A cluster client: every call crosses the gateway and Orleans' serializers.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>
    /// Starts one silo per entry of <paramref name="siloRoles"/> (each a comma-separated role list; default one silo
    /// with <c>model,taste</c>) over <paramref name="connectionString"/>.
    /// </summary>
    public static async Task<CineSyncTestCluster> StartAsync(
        string connectionString,
        Action<CineSyncGrainsOptions>? configure = null,
        IReadOnlyList<string>? siloRoles = null,
        Action<ISiloBuilder>? configureSilo = null)
    {
        var roles = siloRoles is { Count: > 0 } ? siloRoles : ["model,taste"];
        var builder = new InProcessTestClusterBuilder((short)roles.Count);
        builder.Options.ServiceId = CineSyncCluster.ServiceId;
        builder.Options.AssumeHomogenousSilosForTesting = false;

        // Logs go to the test's own logger; Orleans' default writes a logs/ folder into the working directory.
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((options, silo) =>
        {
            ConfigureSilo(silo, connectionString, roles[SiloIndex(options.SiloName) % roles.Count], configure);
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new CineSyncTestCluster(cluster);
    }

    /// <summary>
    /// The silos' connect and statement timeout. Production's 2 s fails writes fast during an outage; a test machine kept
    /// busy by other work can take longer than that for a first connection (Npgsql loads the type catalogue), and an
    /// outage in a test refuses connections at once whatever the timeout.
    /// </summary>
    public static readonly TimeSpan TestDatabaseTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Configures a silo as CineSync's silo configures itself: <paramref name="roles"/> in its metadata, ADO.NET grain
    /// storage named "Default" with CineSync's JSON state serializer, ADO.NET reminders, and the grains over <paramref name="connectionString"/>
    /// (no model trained at start unless <paramref name="configure"/> asks for it).
    /// </summary>
    public static void ConfigureSilo(ISiloBuilder silo, string connectionString, string roles, Action<CineSyncGrainsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloRoles.MetadataKey] = roles });
        silo.AddAdoNetGrainStorage(CineSyncGrainStorage.Name, o =>
        {
            o.Invariant = CineSyncCluster.AdoNetInvariant;
            o.ConnectionString = WithTestTimeouts(connectionString, commands: true);
            o.DeleteStateOnClear = true;
            o.GrainStorageSerializer = new GrainStateJsonSerializer();
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = CineSyncCluster.AdoNetInvariant;
            o.ConnectionString = WithTestTimeouts(connectionString, commands: true);
        });
        silo.Services.AddSingleton<ICineSyncDataSource>(_ => new ConnectionStringDataSource(WithTestTimeouts(connectionString, commands: false)));
        silo.AddCineSyncGrains(o =>
        {
            o.TrainWhenNoModel = false;
            configure?.Invoke(o);
        });
    }

    /// <summary>
    /// <paramref name="connectionString"/> with <see cref="TestDatabaseTimeout"/> to connect and, for grain storage's small
    /// statements, for each command: as the silo applies <c>Database:Timeout</c>.
    /// </summary>
    private static string WithTestTimeouts(string connectionString, bool commands)
    {
        var seconds = (int)TestDatabaseTimeout.TotalSeconds;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = seconds };
        if (commands)
        {
            builder.CommandTimeout = seconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>Stops every silo (activations deactivate, state in memory is gone) and starts as many fresh ones.</summary>
    public async Task RestartSilosAsync()
    {
        var count = Cluster.Silos.Count;
        await Cluster.StopAllSilosAsync();
        await Cluster.StartSilosAsync(count);
        await Cluster.InitializeClientAsync();
    }

    /// <summary>The silo's index in the cluster, from the test cluster's names ("Silo_0", "Silo_1", …).</summary>
    private static int SiloIndex(string siloName) =>
        int.TryParse(siloName.AsSpan(siloName.LastIndexOf('_') + 1), out var index) ? index : 0;

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
