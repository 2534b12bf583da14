using CineSync.Database.Migrations;
using CineSync.Runtime.Hosting;
using CineSync.Runtime.Testing;
using CineSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Runtime.Tests.Cluster;

/// <summary>Starts in-process clusters over a fresh PostgreSQL database with the schema applied.</summary>
internal static class Clusters
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task<string> DatabaseAsync()
    {
        var cs = await PostgresServer.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(cs);
        return cs;
    }

    /// <summary>Starts silos; <paramref name="roles"/>[i] are the roles of silo i.</summary>
    public static async Task<TestCluster> StartAsync(string cs, params string[][] roles)
    {
        var cluster = await TestCluster.StartAsync(
            cs,
            roles.Length,
            (silo, builder) =>
            {
                builder.Services.AddSingleton(new SiloTag(silo.Name));
                builder.AddGrains(typeof(JournalGrain).Assembly);
                builder.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, cs);
            },
            (silo, options) =>
            {
                var index = int.Parse(silo.Name.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
                if (index < roles.Length)
                {
                    foreach (var role in roles[index])
                    {
                        options.Roles.Add(role);
                    }
                }
            });
        await cluster.WaitForStableViewAsync(Patience);
        return cluster;
    }

    public static string[][] Plain(int count) => Enumerable.Range(0, count).Select(_ => Array.Empty<string>()).ToArray();
}
