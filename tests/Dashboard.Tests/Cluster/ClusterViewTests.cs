using System.Net;
using System.Net.Sockets;
using CineSync.Dashboard.Cluster;
using CineSync.Dashboard.Metrics;
using CineSync.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Tests.Cluster;

public sealed class ClusterViewTests
{
    private const string Token = "cluster-shared-token-0123456789";

    [Fact]
    public async Task The_cluster_view_fetches_peers_with_the_token_and_shows_silent_ones_as_unreachable()
    {
        // A real peer silo with its own dashboard and load…
        using var peerMeters = new FakeSiloMeters();
        await using var peer = await DashboardTestHost.StartAsync(o =>
        {
            o.SiloName = "silo-b";
            o.AccessToken = Token;
            o.MeterScope = peerMeters.Scope;
        });
        for (var i = 0; i < 30; i++)
        {
            peerMeters.Call("UserTaste", "Rate", 1.0);
        }

        peer.Services.GetRequiredService<SiloStatsCollector>().Sample();
        using (var warmUp = peer.CreateClient())
        {
            warmUp.DefaultRequestHeaders.Authorization = new("Bearer", Token);
            (await warmUp.GetAsync("dashboard/api/silo?history=true")).EnsureSuccessStatusCode(); // first-request JIT is not what this test measures
        }

        // …a peer that accepts connections but never answers, and one whose port is closed.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var closedPort = FreePort();

        using var local = new CollectorFixture("silo-a");
        local.Meters.Call("UserTaste", "Get", 1.0);
        local.Tick();
        var started = DateTimeOffset.UtcNow;
        var membership = new StaticMembership(
            new SiloInfo("silo-a", "127.0.0.1:1", null, SiloStatus.Active, ["taste"], started),
            new SiloInfo("silo-b", "127.0.0.1:2", peer.BaseAddress, SiloStatus.Active, ["model"], started),
            new SiloInfo("silo-c", "127.0.0.1:3", new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"), SiloStatus.Active, [], started),
            new SiloInfo("silo-d", "127.0.0.1:4", new Uri($"http://127.0.0.1:{closedPort}/"), SiloStatus.Active, [], started),
            new SiloInfo("silo-e", "127.0.0.1:5", new Uri("http://127.0.0.1:9/"), SiloStatus.Dead, [], started));
        var options = Options.Create(new DashboardOptions { SiloName = "silo-a", AccessToken = Token, PeerTimeout = TimeSpan.FromSeconds(1.5) });
        using var view = new ClusterView(local.Collector, membership, options, TimeProvider.System, NullLogger<ClusterView>.Instance);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cluster = await view.GetAsync(includeHistory: true, CancellationToken.None);
        watch.Stop();

        Assert.Equal(["silo-a", "silo-b", "silo-c", "silo-d", "silo-e"], cluster.Silos.Select(s => s.Name));
        Assert.Equal([true, true, false, false, false], cluster.Silos.Select(s => s.Reachable));
        Assert.Equal(31, cluster.Totals.TotalCalls);
        Assert.Equal(["model"], cluster.Silos[1].Roles);
        Assert.Contains("no answer", cluster.Silos[2].Error, StringComparison.Ordinal);
        Assert.Equal("Dead", cluster.Silos[4].Status);
        Assert.NotNull(cluster.History);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the silent peer held the view for {watch.Elapsed}");
    }

    [Fact]
    public async Task A_peer_that_refuses_the_token_shows_as_unreachable_with_the_http_status()
    {
        await using var peer = await DashboardTestHost.StartAsync(o =>
        {
            o.SiloName = "silo-b";
            o.AccessToken = "another-clusters-token-000000";
        });
        using var local = new CollectorFixture("silo-a");
        local.Tick();
        var membership = new StaticMembership(new SiloInfo("silo-b", "b", peer.BaseAddress, SiloStatus.Active, [], DateTimeOffset.UtcNow));
        using var view = new ClusterView(local.Collector, membership, Options.Create(new DashboardOptions { SiloName = "silo-a", AccessToken = Token }), TimeProvider.System, NullLogger<ClusterView>.Instance);

        var cluster = await view.GetAsync(includeHistory: false, CancellationToken.None);

        Assert.Equal("HTTP 401", cluster.Silos.Single(s => s.Name == "silo-b").Error);
        Assert.True(cluster.Silos.Single(s => s.Name == "silo-a").Reachable); // not in the membership list, still shown
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class StaticMembership(params SiloInfo[] silos) : IClusterMembershipView
    {
        public ValueTask<IReadOnlyList<SiloInfo>> GetSilosAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<SiloInfo>>(silos);
    }
}
