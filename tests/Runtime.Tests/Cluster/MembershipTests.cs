using CineSync.Runtime.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CineSync.Runtime.Tests.Cluster;

public sealed class MembershipTests
{
    [Fact]
    public async Task Two_silos_declaring_the_same_peer_dead_from_one_read_cannot_both_write()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var source = NpgsqlDataSource.Create(cs);
        var table = new MembershipTable(source, "cas");
        var peer = Entry("10.0.0.3", 11111);
        await table.JoinAsync(Entry("10.0.0.1", 11111), CancellationToken.None);
        await table.JoinAsync(peer, CancellationToken.None);
        var seen = await table.ReadAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        var row = seen.Members.Single(m => m.Silo == peer.Silo);

        var first = await table.TryUpdateStatusAsync(seen, row, SiloStatus.Dead, CancellationToken.None);
        var second = await table.TryUpdateStatusAsync(seen, row, SiloStatus.ShuttingDown, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var after = await table.ReadAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, after.Members.Single(m => m.Silo == peer.Silo).Status);
        Assert.Equal(seen.Version + 1, after.Version);
    }

    [Fact]
    public async Task A_silo_that_finds_itself_declared_dead_stops_its_host()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var cluster = await Clusters.StartAsync(cs, Clusters.Plain(2));
        var lifetime = cluster.Silos[1].Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

        await using (var source = NpgsqlDataSource.Create(cs))
        {
            await using var command = source.CreateCommand("UPDATE cluster_members SET status = 'dead' WHERE cluster_id = @c AND silo_name = 'silo1'");
            command.Parameters.AddWithValue("c", cluster.ClusterId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await stopping.Task.WaitAsync(Clusters.Patience);
    }

    [Fact]
    public async Task Dead_rows_are_deleted_after_the_retention_and_live_rows_stay()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var source = NpgsqlDataSource.Create(cs);
        var table = new MembershipTable(source, "cleanup");
        var live = Entry("10.0.0.1", 11111);
        await table.JoinAsync(live, CancellationToken.None);
        await table.JoinAsync(Entry("10.0.0.2", 11111), CancellationToken.None);
        var seen = await table.ReadAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(await table.TryUpdateStatusAsync(seen, seen.Members.Single(m => m.Silo != live.Silo), SiloStatus.Dead, CancellationToken.None));

        Assert.Equal(0, await table.CleanupDefunctAsync(TimeSpan.FromHours(1), CancellationToken.None));
        Assert.Equal(1, await table.CleanupDefunctAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.Equal([live.Silo], (await table.ReadAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).Members.Select(m => m.Silo));
    }

    [Fact]
    public async Task A_client_moves_to_another_gateway_found_in_the_table_when_its_silo_dies()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var cluster = await Clusters.StartAsync(cs, Clusters.Plain(2));
        Assert.NotNull(await cluster.Client.GetGrain<IJournalGrain>(1).Where());

        var gateway = ((Client.ClusterClient)cluster.Client).ConnectedGateway;
        var connected = cluster.Silos.Single(s => s.GatewayEndPoint.Equals(gateway));
        var survivor = cluster.Silos.Single(s => s != connected);

        await connected.KillAsync();

        Assert.Equal(survivor.Name, await Eventually(() => cluster.Client.GetGrain<IJournalGrain>(1).Where()));
        Assert.Equal(survivor.GatewayEndPoint, ((Client.ClusterClient)cluster.Client).ConnectedGateway);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + Clusters.Patience;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (SiloUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static MembershipEntry Entry(string address, int port) =>
        new(new SiloAddress(address, port, 1), address, 30000, ["model"], SiloStatus.Active, 0, false);
}
