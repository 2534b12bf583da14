using CineSync.Testing.Cluster;

namespace CineSync.Cluster.Tests.Infrastructure;

/// <summary>
/// One database with ml-latest-small and a small model, shared by every test here (each test forms its own cluster,
/// under its own cluster id, over it), and the built silo and bot executables.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public CatalogDatabase Database { get; private set; } = null!;

    public string SiloDll { get; } = BuiltExecutable.Silo(typeof(ClusterFixture).Assembly);

    public string BotClientDll { get; } = BuiltExecutable.BotClient(typeof(ClusterFixture).Assembly);

    public async Task InitializeAsync() => Database = await CatalogDatabase.CreateAsync("cluster");

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// The tests of this project run one after the other: each starts several .NET processes, and two at once on a
/// shared two-core machine would only make both slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
